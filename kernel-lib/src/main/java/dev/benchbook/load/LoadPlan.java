package dev.benchbook.load;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A validated, frozen run: what {@link Load} hands to the event loop. Times are nanoseconds.
 *
 * @param uri the target
 * @param address its loopback socket address
 * @param request the request's bytes, sent as they are on every request
 * @param openModel true for the open model, false for the closed loop
 * @param fromRate the measured window's rate at its start, requests per second (closed loop: 0 = unthrottled)
 * @param toRate its rate at its end (equal to {@code fromRate} unless ramping)
 * @param warmupNs the warmup before the window, at {@code fromRate}
 * @param durationNs the measured window
 * @param connections keep-alive connections
 * @param maxInFlight outstanding requests allowed per connection (more than 1 pipelines)
 * @param timeoutNs how long a sent request may wait for its response
 * @param dropAfterNs how late an unsent request may become before it is dropped
 * @param serverPid the server process to sample, or -1
 */
record LoadPlan(URI uri, InetSocketAddress address, byte[] request, boolean openModel, double fromRate,
        double toRate, long warmupNs, long durationNs, int connections, int maxInFlight, long timeoutNs,
        long dropAfterNs, long serverPid) {

    /** "open", "ramp" or "closed". */
    String mode() {
        return !openModel ? "closed" : fromRate == toRate ? "open" : "ramp";
    }

    /** The same plan at another steady rate. */
    LoadPlan atRate(double rate) {
        return new LoadPlan(uri, address, request, openModel, rate, rate, warmupNs, durationNs, connections,
                maxInFlight, timeoutNs, dropAfterNs, serverPid);
    }
}
