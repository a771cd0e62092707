/**
 * An open-model HTTP/1.1 load generator for servers on this machine: {@link dev.benchbook.load.Load} schedules
 * requests at a constant (or ramping) arrival rate over keep-alive connections, measures each latency from the
 * request's scheduled time (so a stalled server shows in the percentiles, as in wrk2), records it in
 * HdrHistogram and returns a {@link dev.benchbook.load.LoadResult} of Tablesaw tables. Sweeps find the knee;
 * {@link dev.benchbook.load.LoopbackServer} is a JDK server to aim at, with injectable work and stalls. Targets
 * are loopback addresses only, and every run is bounded in rate and in time.
 */
package dev.benchbook.load;
