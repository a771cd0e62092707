package dev.benchbook.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Typed access to the nodes of a JMH JSON document: each accessor takes the node's JSON path and
 * throws a {@link JmhFormatException} that names the source, the path, the value, the rule and the fix.
 */
final class JmhNodes {
    /** The usual fix for a file that JMH would not have written. */
    static final String FIX_RERUN = "re-run JMH with -rf json and use the file it writes unchanged";

    private final String source;

    JmhNodes(String source) {
        this.source = source;
    }

    /** rawData: one array per fork of numbers, one per iteration. */
    double[][] matrix(JsonNode raw, String path) {
        if (raw == null) {
            throw fail(path, "(missing)", "must hold every iteration's score, one array per fork",
                    "re-run JMH without -Djmh.json.rawData=false");
        }
        if (!raw.isArray()) {
            throw fail(path, describe(raw), "must be an array with one array of iteration scores per fork",
                    FIX_RERUN);
        }
        double[][] out = new double[raw.size()][];
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            if (!fork.isArray()) {
                throw fail(path + "[" + f + "]", describe(fork), "must be an array of iteration scores", FIX_RERUN);
            }
            out[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                out[f][i] = number(fork.get(i), path + "[" + f + "][" + i + "]");
            }
        }
        return out;
    }

    /** rawDataHistogram (sample mode): per fork, per iteration, [value, count] pairs; the mean per iteration. */
    double[][] histogramMeans(JsonNode raw, String path) {
        if (!raw.isArray()) {
            throw fail(path, describe(raw), "must be an array with one array of iteration histograms per fork",
                    FIX_RERUN);
        }
        double[][] out = new double[raw.size()][];
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            String fPath = path + "[" + f + "]";
            if (!fork.isArray()) {
                throw fail(fPath, describe(fork), "must be an array of iteration histograms", FIX_RERUN);
            }
            out[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                JsonNode hist = fork.get(i);
                String iPath = fPath + "[" + i + "]";
                double sum = 0;
                double count = 0;
                for (int b = 0; hist.isArray() && b < hist.size(); b++) {
                    JsonNode bin = hist.get(b);
                    if (!bin.isArray() || bin.size() != 2) {
                        throw fail(iPath + "[" + b + "]", describe(bin), "must be a [value, count] pair", FIX_RERUN);
                    }
                    double c = number(bin.get(1), iPath + "[" + b + "][1]");
                    sum += number(bin.get(0), iPath + "[" + b + "][0]") * c;
                    count += c;
                }
                if (!(count > 0)) {
                    throw fail(iPath, describe(hist), "must be a non-empty array of [value, count] pairs", FIX_RERUN);
                }
                out[f][i] = sum / count;
            }
        }
        return out;
    }

    String text(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw fail(path + "." + field, describe(v), "must be a string", FIX_RERUN);
        }
        return v.asText();
    }

    JsonNode object(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw fail(path + "." + field, describe(v), "must be an object with score, scoreUnit and rawData",
                    FIX_RERUN);
        }
        return v;
    }

    int integer(JsonNode node, String path, String field, int absent, int min) {
        JsonNode v = node.get(field);
        if (v == null) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min) {
            throw fail(path + "." + field, describe(v), "must be an integer >= " + min, FIX_RERUN);
        }
        return v.asInt();
    }

    double number(JsonNode v, String path) {
        if (v == null || !v.isNumber()) {
            throw fail(path, describe(v), "must be a number", FIX_RERUN);
        }
        return v.asDouble();
    }

    static String shapeOf(double[][] m) {
        return m.length + " fork(s) of " + Arrays.toString(Arrays.stream(m).mapToInt(f -> f.length).toArray())
                + " iterations";
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "(missing)";
        }
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    JmhFormatException fail(String path, String value, String rule, String fix) {
        return new JmhFormatException(source, path, value, rule, fix);
    }
}
