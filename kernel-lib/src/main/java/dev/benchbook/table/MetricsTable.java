package dev.benchbook.table;

import dev.benchbook.metric.Metric;
import dev.benchbook.result.MetricSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The metrics of a run as a table: what was measured, and what could not be, with the reason. */
public final class MetricsTable {
    private MetricsTable() {}

    /** Columns: metric, unit, direction, scope, aggregate, supported, reason, description. */
    public static Table of(MetricSet metrics) {
        StringColumn id = StringColumn.create("metric");
        StringColumn unit = StringColumn.create("unit");
        StringColumn direction = StringColumn.create("direction");
        StringColumn scope = StringColumn.create("scope");
        StringColumn aggregate = StringColumn.create("aggregate");
        BooleanColumn supported = BooleanColumn.create("supported");
        StringColumn reason = StringColumn.create("reason");
        StringColumn description = StringColumn.create("description");
        for (Metric m : metrics.metrics()) {
            id.append(m.id());
            unit.append(m.unit());
            direction.append(m.direction().label());
            scope.append(m.scope().label());
            aggregate.append(m.aggregate().label());
            supported.append(true);
            reason.append("");
            description.append(m.description());
        }
        metrics.unsupported().forEach((k, why) -> {
            id.append(k);
            unit.append("");
            direction.append("");
            scope.append("");
            aggregate.append("");
            supported.append(false);
            reason.append(why);
            description.append(dev.benchbook.metric.Metrics.builtIn(k).map(Metric::description).orElse(""));
        });
        return Table.create("metrics", id, unit, direction, scope, aggregate, supported, reason, description);
    }
}
