package dev.benchbook.suites.compiler;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * javac through {@code javax.tools} on a generated project ({@link ProjectGenerator}), entirely in memory
 * ({@link InMemoryCompiler}). {@code compile.cold} takes a fresh compiler and standard file manager every
 * operation, so every compilation is the first of its compiler: it opens the platform's classes again and fills
 * empty caches (the JVM's JIT and loaded classes stay warm: for a JVM-cold figure, run forked and read the first
 * iterations). {@code compile.warm} reuses one compiler and file manager, as a build daemon or an IDE does.
 *
 * <p>Every operation reports the output's size with {@code ctx.metric}: {@code class_files} and {@code
 * class_bytes} (all class files together). Allocation ({@code alloc_bytes_per_op}) and peak heap ({@code
 * peak_heap_bytes}) come from the harness; javac compiles on the calling thread, so they count it. The output is
 * the class files by name with their bytes: javac writes the same bytes for the same sources on the same JDK,
 * so the hash is the same in every operation and every run. Params: {@code classes} (sources in the project) and
 * {@code style} ({@code plain} or {@code generic}).
 */
public final class CompilerSuite implements SuiteFactory {
    /** The project's compilation units, and the compiler that {@code compile.warm} reuses. */
    record State(List<JavaFileObject> units, InMemoryCompiler warm) {}

    @Override
    public SuiteSpec create() {
        return Bench.suite("compiler")
                .description("javac in memory on a generated project: a fresh compiler per operation, and a reused one")
                .param("classes", 10, 50)
                .param("style", "plain", "generic")
                .setup(ctx -> new State(InMemoryCompiler.units(ProjectGenerator.generate(ctx.intParam("classes"),
                        ctx.stringParam("style"), ctx.random())), InMemoryCompiler.create()))
                .benchmark("compile.cold", (ctx, s) -> {
                    try (InMemoryCompiler fresh = InMemoryCompiler.create()) {
                        return report(ctx, fresh.compile(s.units()));
                    }
                })
                .benchmark("compile.warm", (ctx, s) -> report(ctx, s.warm().compile(s.units())))
                .teardown((ctx, s) -> s.warm().close())
                .baseline("compile.warm")
                .build();
    }

    private static Map<String, byte[]> report(BenchContext ctx, Map<String, byte[]> classes) {
        long bytes = 0;
        for (byte[] b : classes.values()) {
            bytes += b.length;
        }
        ctx.metric("class_files", classes.size());
        ctx.metric("class_bytes", bytes);
        return classes;
    }
}
