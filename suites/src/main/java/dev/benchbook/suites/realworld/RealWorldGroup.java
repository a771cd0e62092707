package dev.benchbook.suites.realworld;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import dev.benchbook.suites.compiler.CompilerGroup;
import dev.benchbook.suites.crypto.CryptoGroup;
import dev.benchbook.suites.ml.MlGroup;
import dev.benchbook.suites.sql.SqlGroup;
import dev.benchbook.suites.web.WebGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code real-world} group: the suites of the real-world areas' own groups, area by area, in the order of
 * {@link #AREAS}. An area joins by adding its group there.
 */
public final class RealWorldGroup implements SuiteGroup {
    /** The areas, in the order they run. */
    static final List<SuiteGroup> AREAS = List.of(new WebGroup(), new SqlGroup(), new CryptoGroup(),
            new CompilerGroup(), new MlGroup());

    @Override
    public String name() {
        return "real-world";
    }

    @Override
    public String description() {
        return "every real-world area: " + String.join(", ", AREAS.stream().map(SuiteGroup::name).toList());
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        List<Class<? extends SuiteFactory>> all = new ArrayList<>();
        for (SuiteGroup g : AREAS) {
            all.addAll(g.suites());
        }
        return List.copyOf(all);
    }

    /** The names of the areas' groups, in order. */
    public static List<String> areas() {
        return AREAS.stream().map(SuiteGroup::name).toList();
    }
}
