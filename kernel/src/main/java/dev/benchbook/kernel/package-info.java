/**
 * The Benchbook Jupyter kernel: a {@code jjava-jupyter} {@link org.dflib.jjava.jupyter.kernel.BaseKernel}
 * whose cells are evaluated by JShell inside the kernel JVM itself, so that benchmarks run on the
 * same JIT-compiled JVM that the notebook talks to. This package holds the process entry point
 * ({@link dev.benchbook.kernel.Main}), the kernel ({@link dev.benchbook.kernel.BenchbookKernel}),
 * the JShell evaluator with its in-process execution engine (which hands real result objects to
 * the renderer, keeps variables alive across later imports, stops runaway cells and, through
 * {@link dev.benchbook.kernel.ExitGuard}, refuses {@code System.exit}), completion and inspection
 * (with the library's javadoc), and the renderers that turn Tablesaw tables and Benchbook
 * displayables into notebook HTML. Magics live in {@code dev.benchbook.kernel.magic}, {@code %maven}'s
 * resolution in {@code dev.benchbook.kernel.maven}.
 */
package dev.benchbook.kernel;
