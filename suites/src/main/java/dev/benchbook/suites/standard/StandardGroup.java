package dev.benchbook.suites.standard;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import java.util.List;

/** The {@code standard} group: the standard suites, in the order they run. */
public final class StandardGroup implements SuiteGroup {
    @Override
    public String name() {
        return "standard";
    }

    @Override
    public String description() {
        return "the eight standard suites: sorting, hash maps, strings, matrices, JSON, network I/O, compression, concurrency";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(SortingAlgorithmsSuite.class, HashMapSuite.class, StringsSuite.class, MatrixSuite.class,
                JsonSuite.class, NetworkSuite.class, CompressionSuite.class,
                ConcurrentSuite.class);
    }
}
