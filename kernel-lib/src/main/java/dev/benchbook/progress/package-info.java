/**
 * Live progress of a running suite: a display updated in place in the notebook cell (through the
 * kernel's {@link dev.benchbook.display.DisplaySink}), or a progress bar on the console. Both are
 * {@link dev.benchbook.harness.RunListener}s and can be silenced with {@code quiet()}.
 */
package dev.benchbook.progress;
