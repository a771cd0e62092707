/**
 * The {@code web} area: {@link dev.benchbook.suites.web.WebSuite} loads HTTP servers on loopback with the
 * open-model generator of kernel-lib's {@code load} package, one load window per iteration; {@link
 * dev.benchbook.suites.web.WebGroup} names it for {@code benchbook run --suite web}. The servers are the
 * JDK's, kernel-lib's {@link dev.benchbook.load.LoopbackServer}, and {@link dev.benchbook.suites.web.JettyServer},
 * a Jetty 12 server with the same knobs ({@link dev.benchbook.load.ServerSettings}: status, body, work per
 * request, stalls); {@link dev.benchbook.suites.web.ServeMain} serves either one in a JVM of its own, for the
 * suite and for {@code scripts/bench-load.sh}. Jetty stays in this module, so its jars never reach kernel-lib.
 */
package dev.benchbook.suites.web;
