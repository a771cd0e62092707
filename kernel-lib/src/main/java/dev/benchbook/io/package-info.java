/**
 * File output that never leaves a half-written file: {@link dev.benchbook.io.AtomicFiles} writes
 * through a temporary file in the target's directory and moves it into place. Every exporter and
 * report uses it. Depends on nothing else in Benchbook.
 */
package dev.benchbook.io;
