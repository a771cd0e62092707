/**
 * Web servers to load: {@link dev.benchbook.suites.web.JettyServer}, a Jetty 12 server on {@code 127.0.0.1}
 * with the same knobs as kernel-lib's {@link dev.benchbook.load.LoopbackServer} (status, body, work per
 * request, stalls), and {@link dev.benchbook.suites.web.ServeMain}, which serves either one in its own JVM
 * for {@code scripts/bench-load.sh}. Jetty stays in this module, so its jars never reach kernel-lib.
 */
package dev.benchbook.suites.web;
