package dev.benchbook.kernel;

/** Which installed kernelspec the integration tests start. */
final class InstalledKernel {
    /** The kernelspec the tests use unless told otherwise. */
    static final String DEFAULT = "benchbook";

    private InstalledKernel() {
    }

    /**
     * The system property {@code benchbook.kernel} if set (e.g. {@code mvn verify -Dbenchbook.kernel=benchbook-wt}),
     * else the environment variable {@code BENCHBOOK_KERNEL_NAME} that {@code scripts/install-kernel.sh}
     * also reads, else {@value #DEFAULT}.
     */
    static String name() {
        String property = System.getProperty("benchbook.kernel");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String env = System.getenv("BENCHBOOK_KERNEL_NAME");
        return env != null && !env.isBlank() ? env.strip() : DEFAULT;
    }
}
