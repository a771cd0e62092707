/**
 * Web servers to load: {@link dev.benchbook.suites.web.JettyServer}, a Jetty 12 server on {@code 127.0.0.1}
 * with the same knobs as kernel-lib's {@link dev.benchbook.load.LoopbackServer} (status, body, work per
 * request, stalls), and the {@code web} group, whose suite puts the same open-model load on both.
 * Jetty stays in this module, so its jars never reach kernel-lib.
 */
package dev.benchbook.suites.web;
