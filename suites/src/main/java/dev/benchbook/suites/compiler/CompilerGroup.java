package dev.benchbook.suites.compiler;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import java.util.List;

/** The {@code compiler} group: javac on a generated project, in memory. */
public final class CompilerGroup implements SuiteGroup {
    @Override
    public String name() {
        return "compiler";
    }

    @Override
    public String description() {
        return "javac through javax.tools on a generated multi-class project, in memory, cold and warm";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(CompilerSuite.class);
    }
}
