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
        return "the standard suites: sorting, hash maps, matrices, compression, concurrent structures";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(SortingAlgorithmsSuite.class, HashMapSuite.class, MatrixSuite.class, CompressionSuite.class,
                ConcurrentSuite.class);
    }
}
