package dev.benchbook.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON node with the pointer that leads to it, so that every read of a missing or mistyped field
 * fails with the file and the exact position.
 */
final class Tree {
    final String source;
    final String path;
    final JsonNode node;

    Tree(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    RunFormatException error(String problem) {
        return new RunFormatException(source, path.isEmpty() ? "/" : path, problem
                + (problem.contains("; ") ? "" : "; the file was edited or damaged: restore it, or write it again with "
                        + "r.writeJson(path)"));
    }

    Tree get(String field) {
        if (!node.isObject()) {
            throw error("expected an object, found " + kind(node));
        }
        JsonNode child = node.get(field);
        if (child == null) {
            throw new RunFormatException(source, path + "/" + field, "missing field \"" + field
                    + "\"; the file is truncated, or was not written by Benchbook");
        }
        return new Tree(source, path + "/" + field, child);
    }

    boolean has(String field) {
        return node.isObject() && node.has(field);
    }

    Tree at(int i) {
        return new Tree(source, path + "/" + i, node.get(i));
    }

    int size() {
        if (!node.isArray()) {
            throw error("expected an array, found " + kind(node));
        }
        return node.size();
    }

    Iterator<Map.Entry<String, JsonNode>> fields() {
        if (!node.isObject()) {
            throw error("expected an object, found " + kind(node));
        }
        return node.fields();
    }

    Tree child(String field, JsonNode n) {
        return new Tree(source, path + "/" + field, n);
    }

    String text() {
        if (!node.isTextual()) {
            throw error("expected text, found " + kind(node));
        }
        return node.textValue();
    }

    /** Text, or null for a JSON null. */
    String textOrNull() {
        return node.isNull() ? null : text();
    }

    long longValue() {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("expected an integer, found " + kind(node));
        }
        return node.longValue();
    }

    int intValue() {
        if (!node.isInt()) {
            throw error("expected a 32-bit integer, found " + kind(node));
        }
        return node.intValue();
    }

    /** A number; null reads as NaN (the writer's mark for a non-finite value). */
    double doubleValue() {
        if (node.isNull()) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            throw error("expected a number, found " + kind(node));
        }
        return node.doubleValue();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false, found " + kind(node));
        }
        return node.booleanValue();
    }

    Duration duration() {
        try {
            return Duration.parse(text());
        } catch (DateTimeParseException e) {
            throw error("\"" + node.textValue() + "\" is not an ISO-8601 duration such as PT0.1S");
        }
    }

    Instant instant() {
        try {
            return Instant.parse(text());
        } catch (DateTimeParseException e) {
            throw error("\"" + node.textValue() + "\" is not an ISO-8601 instant such as 2026-12-02T04:39:31Z");
        }
    }

    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String text = n.toString();
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + (text.length() > 40
                ? text.substring(0, 40) + "..." : text);
    }
}
