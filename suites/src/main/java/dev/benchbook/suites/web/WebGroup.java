package dev.benchbook.suites.web;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import java.util.List;

/** The {@code web} group: HTTP servers under open-model load on loopback ({@link WebSuite}). */
public final class WebGroup implements SuiteGroup {
    @Override
    public String name() {
        return "web";
    }

    @Override
    public String description() {
        return "HTTP servers (the JDK's HttpServer, Jetty 12) under open-model load on loopback: latency "
                + "percentiles from the scheduled send, achieved rate, errors, server CPU and RSS";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(WebSuite.class);
    }
}
