package dev.benchbook.history;

import dev.benchbook.spec.ParamSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A param combination as one text key, in declaration order: {@code size=1000, kind=random}, empty for
 * none. A backslash escapes {@code \}, {@code ,} and {@code =} inside names and values, so every key
 * decodes to the map it came from.
 */
final class ParamsKey {
    private ParamsKey() {}

    static String of(ParamSet params) {
        Map<String, String> m = new LinkedHashMap<>();
        params.values().forEach((k, v) -> m.put(k, String.valueOf(v)));
        return of(m);
    }

    static String of(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            escape(sb, e.getKey());
            sb.append('=');
            escape(sb, e.getValue());
        }
        return sb.toString();
    }

    /** The map {@link #of(Map)} encoded, in its order. */
    static Map<String, String> decode(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (key.isEmpty()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        String name = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length()) {
                cur.append(key.charAt(++i));
            } else if (c == '=' && name == null) {
                name = cur.toString();
                cur.setLength(0);
            } else if (c == ',') {
                out.put(name == null ? cur.toString() : name, name == null ? "" : cur.toString());
                name = null;
                cur.setLength(0);
                if (i + 1 < key.length() && key.charAt(i + 1) == ' ') {
                    i++;
                }
            } else {
                cur.append(c);
            }
        }
        out.put(name == null ? cur.toString() : name, name == null ? "" : cur.toString());
        return out;
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                sb.append('\\');
            }
            sb.append(c);
        }
    }
}
