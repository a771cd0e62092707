/**
 * Process isolation: runs each benchmark of a compiled suite ({@link dev.benchbook.SuiteFactory})
 * in fresh JVMs started with this JVM's classpath and flags (plus the jars of the class loader the suite
 * came from, see {@link dev.benchbook.fork.ForkClasspath}), and merges the forks' samples into one
 * run. The child side is {@link dev.benchbook.fork.ForkMain}; the two talk through a JSON file.
 */
package dev.benchbook.fork;
