/**
 * The {@code crypto} suite: the JDK's own cryptography (JCA) on seeded payloads, digests, a MAC, two AEAD
 * ciphers, two signature schemes and a password-based key derivation, and {@link
 * dev.benchbook.suites.crypto.Throughput}, which turns a run's per-operation times into MB/s and operations per
 * second.
 */
package dev.benchbook.suites.crypto;
