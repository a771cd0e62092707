package dev.benchbook.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchbook.analysis.Finding;
import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.BaselineInfo;
import dev.benchbook.result.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline file: a run in the durable run format ({@link RunJson}) with one more top-level object,
 * {@code "baseline"}, holding its name, when it was saved and its environment fingerprint. Any reader of run
 * files reads a baseline file as the run it is.
 */
public final class BaselineJson {
    private BaselineJson() {}

    /**
     * A baseline read back.
     *
     * @param info its name, save time and fingerprint
     * @param run the run and its findings
     */
    public record BaselineFile(BaselineInfo info, RunJson.RunFile run) {}

    /** The baseline as an indented JSON document. */
    public static String toJson(BaselineInfo info, RunResult result, List<Finding> findings) {
        ObjectNode root = RunWriter.run(result, findings);
        ObjectNode b = RunWriter.JSON.createObjectNode();
        b.put("name", info.name());
        b.put("saved", info.saved().toString());
        b.put("fingerprint_hash", info.fingerprintHash());
        ObjectNode hard = b.putObject("hard");
        info.hard().forEach(hard::put);
        ObjectNode soft = b.putObject("soft");
        info.soft().forEach(soft::put);
        root.set("baseline", b);
        try {
            return RunWriter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write baseline '" + info.name() + "': " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the baseline atomically: a killed writer leaves the old file or none, never half of one. */
    public static Path write(BaselineInfo info, RunResult result, List<Finding> findings, Path file) {
        return AtomicFiles.writeString(file, toJson(info, result, findings), "baseline '" + info.name() + "'");
    }

    /**
     * Reads a baseline file, whole or not at all.
     *
     * @throws RunFormatException if it is not a valid run file, or its {@code baseline} object is missing or
     *     bad; the message names the file, the position and the problem
     */
    public static BaselineFile read(Path file) {
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RunFormatException(file.toString(), "", "no such baseline file");
        } catch (java.io.IOException e) {
            throw new RunFormatException(file.toString(), "", "cannot be read: " + e.getMessage());
        }
        RunJson.RunFile run = RunJson.parse(text, file.toString());
        JsonNode root;
        try {
            root = RunWriter.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RunFormatException(file.toString(), "", "not JSON: " + e.getOriginalMessage());
        }
        Tree t = new Tree(file.toString(), "", root);
        if (!t.has("baseline")) {
            throw new RunFormatException(file.toString(), "/baseline", "a run file but not a baseline: it has no "
                    + "\"baseline\" object; promote it with `benchbook baseline promote " + file + " NAME`");
        }
        Tree b = t.get("baseline");
        Instant saved = b.get("saved").instant();
        return new BaselineFile(new BaselineInfo(b.get("name").text(), saved, b.get("fingerprint_hash").text(),
                strings(b.get("hard")), strings(b.get("soft"))), run);
    }

    private static Map<String, String> strings(Tree t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = t.fields(); it.hasNext(); ) {
            String k = it.next().getKey();
            out.put(k, t.get(k).text());
        }
        return out;
    }
}
