package dev.benchbook.suites.catalog;

import dev.benchbook.spec.SuiteFactory;
import java.util.List;

/**
 * A named group of compiled suites that {@code benchbook run --suite NAME} and {@link SuiteCatalog} know by
 * name: {@code standard}, {@code web}, {@code sql}, and so on. Groups are found through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.benchbook.suites.catalog.SuiteGroup}), so every area
 * registers its own.
 */
public interface SuiteGroup {

    /** The group's name: lower case letters, digits and {@code -}, unique across groups. */
    String name();

    /** One line saying what the group measures, for listings and errors. */
    String description();

    /** The suites of the group, in the order they run; each has a public no-argument constructor. */
    List<Class<? extends SuiteFactory>> suites();
}
