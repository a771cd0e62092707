package dev.benchbook.spec;

/**
 * One declared benchmark.
 *
 * @param name unique within its suite
 * @param shape how the body is called and what it returns
 * @param body the user's function: a {@link Benchmark}, {@link StatefulBenchmark}, {@link
 *     DoubleBenchmark}, {@link StatefulDoubleBenchmark}, {@link LongBenchmark} or {@link
 *     StatefulLongBenchmark}, as {@code shape} says, a {@link Command} for an external program, or for a
 *     load run the load package's {@code LoadBenchmark}; null when the user passed null
 */
public record BenchmarkSpec(String name, Shape shape, Object body) {

    /** The kinds of benchmark body. */
    public enum Shape {
        OBJECT(false), STATEFUL_OBJECT(true), DOUBLE(false), STATEFUL_DOUBLE(true), LONG(false), STATEFUL_LONG(true),
        /** An external program, run as a process per iteration. */
        COMMAND(false),
        /**
         * A load run per iteration against a server that the setup starts: the body returns the load
         * (the load package's {@code LoadBenchmark}), which only its load runner runs.
         */
        LOAD(true);

        private final boolean stateful;

        Shape(boolean stateful) {
            this.stateful = stateful;
        }

        /** Whether bodies of this shape read the setup's state. */
        public boolean stateful() {
            return stateful;
        }
    }

    /** Whether the body reads the setup's state. */
    public boolean isStateful() {
        return shape.stateful();
    }

    /** Whether a body was given at all. */
    public boolean hasBody() {
        return body != null;
    }

    /** Invokes the body once, outside any timed region; primitive results are boxed. */
    @SuppressWarnings("unchecked")
    public Object invoke(BenchContext ctx, Object state) throws Exception {
        return switch (shape) {
            case OBJECT -> ((Benchmark) body).run(ctx);
            case STATEFUL_OBJECT -> ((StatefulBenchmark<Object>) body).run(ctx, state);
            case DOUBLE -> ((DoubleBenchmark) body).run(ctx);
            case STATEFUL_DOUBLE -> ((StatefulDoubleBenchmark<Object>) body).run(ctx, state);
            case LONG -> ((LongBenchmark) body).run(ctx);
            case STATEFUL_LONG -> ((StatefulLongBenchmark<Object>) body).run(ctx, state);
            case COMMAND -> throw new UnsupportedOperationException("benchmark \"" + name
                    + "\" is an external command; only the process runner runs it");
            case LOAD -> throw new UnsupportedOperationException("benchmark \"" + name
                    + "\" is a load run; only the load runner runs it");
        };
    }
}
