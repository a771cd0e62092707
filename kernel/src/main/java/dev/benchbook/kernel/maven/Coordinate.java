package dev.benchbook.kernel.maven;

import dev.benchbook.kernel.CellException.MagicError;
import java.util.regex.Pattern;

/**
 * A Maven coordinate as written after {@code %maven}: {@code group:artifact:version}, or with an
 * extension and classifier, {@code group:artifact:extension[:classifier]:version}.
 *
 * @param groupId e.g. {@code com.google.code.gson}
 * @param artifactId e.g. {@code gson}
 * @param extension {@code jar} unless given
 * @param classifier empty unless given
 * @param version a version or a range such as {@code [2.10,2.11)}
 */
public record Coordinate(String groupId, String artifactId, String extension, String classifier, String version) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.+\\-\\[\\](),]+");
    private static final String EXAMPLE = "e.g. com.google.code.gson:gson:2.11.0";

    /**
     * Parses a coordinate.
     *
     * @throws MagicError naming the coordinate and the expected form
     */
    public static Coordinate parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length < 3 || p.length > 5) {
            throw new MagicError("%maven " + text + ": not a Maven coordinate; write group:artifact:version, " + EXAMPLE);
        }
        String version = p[p.length - 1];
        String extension = p.length >= 4 ? p[2] : "jar";
        String classifier = p.length == 5 ? p[3] : "";
        for (String[] part : new String[][] {{"group", p[0]}, {"artifact", p[1]}, {"extension", extension}}) {
            if (!ID.matcher(part[1]).matches()) {
                throw new MagicError("%maven " + text + ": the " + part[0] + " '" + part[1] + "' is not valid (letters,"
                        + " digits, '.', '_', '-'); write group:artifact:version, " + EXAMPLE);
            }
        }
        if (!classifier.isEmpty() && !ID.matcher(classifier).matches()) {
            throw new MagicError("%maven " + text + ": the classifier '" + classifier + "' is not valid");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new MagicError("%maven " + text + ": the version '" + version + "' is not valid; give one such as"
                    + " 2.11.0 (look it up on Maven Central), " + EXAMPLE);
        }
        return new Coordinate(p[0], p[1], extension, classifier, version);
    }

    /** {@code group:artifact}, what two versions of one library share. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** As maven-resolver writes it: {@code group:artifact[:extension[:classifier]]:version}. */
    public String resolverForm() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }

    /** As the user writes it. */
    @Override
    public String toString() {
        if (extension.equals("jar") && classifier.isEmpty()) {
            return groupId + ":" + artifactId + ":" + version;
        }
        return resolverForm();
    }
}
