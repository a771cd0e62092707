package dev.benchbook.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.analysis.Finding;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.IterationSample;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.RunControls;
import dev.benchbook.spec.SuiteDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The run format: one JSON document per run that round-trips everything a {@link RunResult} holds,
 * plus its findings. Keys are snake_case; durations and instants are ISO-8601; output hashes are 16
 * hex digits; a metric the platform could not give is absent from the samples and listed under
 * {@code unsupported} with its reason. {@code schema_version} is raised whenever a field changes
 * meaning or goes away; readers refuse versions newer than theirs.
 */
public final class RunJson {
    /** Value of the {@code format} field. */
    public static final String FORMAT = "benchbook-run";
    /** The schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;
    /** The {@code format} of the report JSON, which holds tables only and is not a run file. */
    public static final String REPORT_FORMAT = "benchbook-report";

    private RunJson() {}

    /**
     * A run read back: the result and its findings.
     *
     * @param result the run
     * @param findings its findings, as they were when it was written
     */
    public record RunFile(RunResult result, List<Finding> findings) {
        public RunFile {
            findings = List.copyOf(findings);
        }
    }

    /** The run as an indented JSON document. */
    public static String toJson(RunResult result, List<Finding> findings) {
        try {
            return RunWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(RunWriter.run(result, findings)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run of suite '" + result.suite().name() + "': "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Writes the run to {@code file} atomically (a killed writer leaves the old file or none) and returns it. */
    public static Path write(RunResult result, List<Finding> findings, Path file) {
        return AtomicFiles.writeString(file, toJson(result, findings), "run file");
    }

    /**
     * Reads a run file, whole or not at all.
     *
     * @throws RunFormatException if the file is missing, unreadable, not JSON, truncated, of a newer
     *     schema version, not a run file, or holds a bad value; the message names the file, the
     *     position and the problem
     */
    public static RunFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunFormatException(file.toString(), "", "no such file; check the path or write one with "
                    + "r.writeJson(path)");
        } catch (IOException e) {
            throw new RunFormatException(file.toString(), "", "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a run from {@code json}; {@code source} names it in errors. */
    public static RunFile parse(String json, String source) {
        return RunReader.run(new Tree(source, "", tree(json, source)));
    }

    // The fork protocol: the parent sends controls, the child streams samples and then its run.

    /** The controls as one line of JSON. */
    public static String controlsLine(RunControls controls) {
        return RunWriter.controls(controls).toString();
    }

    /** Reads what {@link #controlsLine} wrote. */
    public static RunControls parseControls(String json, String source) {
        return RunReader.controls(new Tree(source, "", tree(json, source)));
    }

    /**
     * One param combination as one line of JSON, each value with its type, so that a fork runs the
     * combination the parent runs even when the parent changed a compiled suite's param values.
     */
    public static String paramsLine(dev.benchbook.spec.ParamSet params) {
        com.fasterxml.jackson.databind.node.ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode();
        params.values().forEach((name, v) -> a.addObject().put("name", name).put("type", ParamTypes.of(v))
                .set("value", ParamTypes.toNode(v)));
        return a.toString();
    }

    /** Reads what {@link #paramsLine} wrote. */
    public static dev.benchbook.spec.ParamSet parseParams(String json, String source) {
        JsonNode a = tree(json, source);
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (JsonNode p : a) {
            try {
                values.put(p.get("name").asText(), ParamTypes.fromNode(p.get("value"), p.get("type").asText()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RunFormatException(source, "param " + p, String.valueOf(e.getMessage()));
            }
        }
        return new dev.benchbook.spec.ParamSet(values);
    }

    /** One sample as one line of JSON. */
    public static String sampleLine(IterationSample sample) {
        return RunWriter.sample(sample).toString();
    }

    /** Reads what {@link #sampleLine} wrote. */
    public static IterationSample parseSample(String json, String source) {
        return RunReader.sample(new Tree(source, "", tree(json, source)));
    }

    /** A benchmark run without its samples (they were streamed), as one line of JSON. */
    public static String runLine(BenchmarkRun run) {
        ObjectNode n = RunWriter.benchmarkRun(run, false);
        return n.toString();
    }

    /** Reads what {@link #runLine} wrote, with the samples that were streamed before it. */
    public static BenchmarkRun parseRun(String json, String source, SuiteDescriptor suite, List<IterationSample> samples) {
        return RunReader.benchmarkRun(new Tree(source, "", tree(json, source)), suite, samples);
    }

    /** {@code expectedHash} → {@code expected_hash}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static JsonNode tree(String json, String source) {
        if (json == null || json.isBlank()) {
            throw new RunFormatException(source, "line 1, column 1", "the file is empty; it was not written completely");
        }
        try (JsonParser p = RunWriter.JSON.createParser(json)) {
            JsonNode n = RunWriter.JSON.readTree(p);
            if (n == null || !n.isContainerNode()) {
                throw new RunFormatException(source, "line 1, column 1", "expected a JSON object");
            }
            if (p.nextToken() != null) {
                throw new RunFormatException(source, where(p.currentTokenLocation()), "corrupt JSON: more content "
                        + "after the end of the run; a run file holds one JSON document");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String msg = e.getOriginalMessage();
            // A file cut in the middle of a token (tr|ue, 0.|5) is reported by Jackson as a bad token,
            // not as the end of the input: it is truncated too when nothing but that token follows.
            boolean inValue = e.getProcessor() instanceof JsonParser p && !p.getParsingContext().inRoot();
            boolean truncated = msg != null && msg.contains("end-of-input")
                    || inValue && at != null && endsInToken(json, at.getCharOffset());
            String clean = msg == null ? "" : msg.replaceAll("\\s*\\[Source: [^\\]]*\\]", "").trim();
            throw new RunFormatException(source, where(at), (truncated ? "the JSON ends early (truncated file): "
                    : "corrupt JSON: ") + clean + "; the file was not written completely or was edited: restore it "
                    + "or write it again with r.writeJson(path)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether from {@code offset} to the end there is at most the rest of one token: where a cut text ends. */
    private static boolean endsInToken(String json, long offset) {
        if (offset < 0 || offset > json.length()) {
            return false;
        }
        return json.substring((int) offset).stripTrailing().chars()
                .noneMatch(c -> Character.isWhitespace(c) || ",:[]{}\"".indexOf(c) >= 0);
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
