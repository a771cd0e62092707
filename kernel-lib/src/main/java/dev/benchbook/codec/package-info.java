/**
 * The durable, versioned JSON format of a whole run ({@code "format": "benchbook-run"}): the suite
 * definition and run controls, the environment (host apart from runtime), the git state, the metric
 * descriptions and the unsupported metrics with their reasons, every sample with every metric, and
 * the findings. {@link dev.benchbook.codec.RunJson} writes and reads it; the fork protocol streams
 * its sample and run objects; the history store keeps it. Reading is all or nothing: a corrupt,
 * truncated, future-version or wrong-kind file raises {@link dev.benchbook.codec.RunFormatException}
 * naming the file, the position and the problem.
 */
package dev.benchbook.codec;
