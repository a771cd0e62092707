/**
 * The {@code crypto} suite: the JDK's own cryptography (JCA) on seeded payloads, digests, a MAC, two AEAD
 * ciphers, two signature schemes and a password-based key derivation, with their throughput in MB/s and
 * operations per second ({@link dev.benchbook.suites.crypto.CryptoSuite#throughput}).
 */
package dev.benchbook.suites.crypto;
