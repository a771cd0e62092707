package dev.benchbook.suites.ml;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import java.util.List;

/** The {@code ml} group: k-means and logistic regression on a seeded dataset. */
public final class MlGroup implements SuiteGroup {
    @Override
    public String name() {
        return "ml";
    }

    @Override
    public String description() {
        return "machine learning: k-means++ and logistic regression (gradient descent, conjugate gradient) with commons-math3";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(MlSuite.class);
    }
}
