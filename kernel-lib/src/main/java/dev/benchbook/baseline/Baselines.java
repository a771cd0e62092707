package dev.benchbook.baseline;

import dev.benchbook.analysis.Finding;
import dev.benchbook.codec.BaselineJson;
import dev.benchbook.codec.RunFormatException;
import dev.benchbook.regress.Fingerprint;
import dev.benchbook.result.BaselineInfo;
import dev.benchbook.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The committed baselines of a project: one file per name, {@code baselines/NAME.json}, a run in the durable
 * run format with its name, save time and environment fingerprint ({@link BaselineJson}). A repository
 * carries its own reference this way. The workflow follows criterion.rs's baseline modes: save (overwrites),
 * load (strict: a missing baseline is an error naming the fix), promote a run to be the baseline, list,
 * delete. Every write is atomic.
 */
public final class Baselines {
    /** Baseline names: letters, digits, dot, dash and underscore, 1 to 64, not starting with a dot. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    /** The environment variable that overrides the folder. */
    public static final String ENV = "BENCHBOOK_BASELINES";

    private final Path dir;

    public Baselines(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * The project's baselines: {@code $BENCHBOOK_BASELINES}, else {@code baselines/} at the top of the git
     * work tree holding the working directory, else {@code ./baselines}.
     */
    public static Baselines inProject() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new Baselines(Path.of(env));
        }
        return new Baselines(projectRoot(Path.of("").toAbsolutePath()).resolve("baselines"));
    }

    /** The top of the git work tree holding {@code from}, else {@code from}. */
    public static Path projectRoot(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return from;
    }

    public Path dir() {
        return dir;
    }

    /** The file of baseline {@code name}. */
    public Path file(String name) {
        checkName(name);
        return dir.resolve(name + ".json");
    }

    /** Saves {@code run} as baseline {@code name}, replacing one of that name; returns its info. */
    public BaselineInfo save(String name, RunResult run, List<Finding> findings) {
        Path f = file(name);
        Fingerprint fp = Fingerprint.of(run);
        BaselineInfo info = new BaselineInfo(name, Instant.now(), fp.hash(), fp.hard(), fp.soft());
        BaselineJson.write(info, run, findings, f);
        return info;
    }

    /** Whether baseline {@code name} exists. */
    public boolean exists(String name) {
        return Files.isRegularFile(file(name));
    }

    /**
     * Baseline {@code name}, read whole.
     *
     * @throws BaselineException if it does not exist (the message says how to save one and lists the
     *     existing ones) or cannot be read (the message names the file, the position and the problem)
     */
    public BaselineJson.BaselineFile load(String name) {
        Path f = file(name);
        if (!Files.isRegularFile(f)) {
            List<String> names = list().stream().map(BaselineInfo::name).toList();
            throw new BaselineException("baseline '" + name + "' does not exist in " + dir + "; save one with "
                    + "`benchbook baseline save " + name + "` or r.saveBaseline(\"" + name + "\")"
                    + (names.isEmpty() ? " (there are no baselines yet)" : " (existing: " + String.join(", ", names)
                            + ")"), true);
        }
        try {
            return BaselineJson.read(f);
        } catch (RunFormatException e) {
            throw new BaselineException("baseline '" + name + "' is corrupt: " + e.getMessage() + "; restore "
                    + f.getFileName() + " from version control, or delete it and save it again", e);
        }
    }

    /** The baselines, by name; unreadable files are listed by name with an empty fingerprint hash. */
    public List<BaselineInfo> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BaselineInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                if (!NAME.matcher(name).matches()) {
                    continue;
                }
                try {
                    out.add(BaselineJson.read(f).info());
                } catch (RunFormatException e) {
                    out.add(new BaselineInfo(name, Instant.EPOCH, "", java.util.Map.of("error", e.getMessage()),
                            java.util.Map.of()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list baselines in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Deletes baseline {@code name}; an error naming the existing ones when there is none. */
    public void delete(String name) {
        Path f = file(name);
        try {
            if (!Files.deleteIfExists(f)) {
                throw new BaselineException("baseline '" + name + "' does not exist in " + dir + "; `benchbook "
                        + "baseline list` shows the existing ones", true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + f + ": " + e.getMessage(), e);
        }
    }

    /** Checks a baseline name against {@link #NAME}. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BaselineException("baseline name \"" + name + "\": must be 1 to 64 letters, digits, '.', '-' "
                    + "or '_', not starting with '.'; e.g. main or release-1.2", false);
        }
    }
}
