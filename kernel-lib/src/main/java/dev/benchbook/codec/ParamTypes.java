package dev.benchbook.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** The types of param values in the run format, so that a value reads back as the type it was declared with. */
final class ParamTypes {
    static final String MIXED = "mixed";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParamTypes() {}

    /** {@code int}, {@code long}, {@code double}, {@code boolean} or {@code string} (anything else, as text). */
    static String of(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "int";
        }
        if (v instanceof Long) {
            return "long";
        }
        if (v instanceof Double || v instanceof Float) {
            return "double";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }

    /** The one type of all {@code values}, or {@value #MIXED}. */
    static String common(List<Object> values) {
        String t = null;
        for (Object v : values) {
            String vt = of(v);
            if (t == null) {
                t = vt;
            } else if (!t.equals(vt)) {
                return MIXED;
            }
        }
        return t == null ? "string" : t;
    }

    static JsonNode toNode(Object v) {
        return switch (of(v)) {
            case "int" -> NODES.numberNode(((Number) v).intValue());
            case "long" -> NODES.numberNode(((Number) v).longValue());
            case "double" -> NODES.numberNode(((Number) v).doubleValue());
            case "boolean" -> NODES.booleanNode((Boolean) v);
            default -> NODES.textNode(String.valueOf(v));
        };
    }

    /**
     * Whether {@code node} holds {@code declared}. A long that fits in 32 bits reads back as an int
     * node, so integral numbers compare by value when the declared value is a long.
     */
    static boolean sameValue(Object declared, JsonNode node) {
        if (toNode(declared).equals(node)) {
            return true;
        }
        return declared instanceof Long l && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() == l;
    }

    /**
     * The value of {@code node} as {@code type}.
     *
     * @throws IllegalArgumentException if the node does not hold a value of that type
     */
    static Object fromNode(JsonNode node, String type) {
        switch (type) {
            case "int":
                if (node.isInt()) {
                    return node.intValue();
                }
                break;
            case "long":
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.longValue();
                }
                break;
            case "double":
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                break;
            case "boolean":
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                break;
            case "string":
                if (node.isTextual()) {
                    return node.textValue();
                }
                break;
            default:
                throw new IllegalArgumentException("unknown param type \"" + type
                        + "\"; must be int, long, double, boolean, string or mixed");
        }
        throw new IllegalArgumentException("value " + node + " is not of the declared type " + type);
    }
}
