/**
 * The {@code compiler} suite: {@code javax.tools} compiling a seeded, generated multi-class project entirely in
 * memory ({@link dev.benchbook.suites.compiler.ProjectGenerator} writes it, {@link
 * dev.benchbook.suites.compiler.InMemoryCompiler} compiles it without touching the file system).
 */
package dev.benchbook.suites.compiler;
