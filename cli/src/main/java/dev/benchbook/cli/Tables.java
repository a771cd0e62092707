package dev.benchbook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as JSON for {@code --format json}: {@code {"table": name, "rows": [{column: value}]}}. */
final class Tables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tables() {}

    static String json(Table t) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("table", t.name());
        ArrayNode rows = root.putArray("rows");
        for (int r = 0; r < t.rowCount(); r++) {
            ObjectNode row = rows.addObject();
            for (Column<?> c : t.columns()) {
                if (c.isMissing(r)) {
                    row.putNull(c.name());
                    continue;
                }
                Object v = c.get(r);
                if (v instanceof Number n && !(v instanceof Double d && !Double.isFinite(d))) {
                    row.putPOJO(c.name(), n);
                } else if (v instanceof Boolean b) {
                    row.put(c.name(), b);
                } else {
                    row.put(c.name(), String.valueOf(v));
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
