package dev.benchbook.suites.crypto;

import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.suites.catalog.SuiteGroup;
import java.util.List;

/** The {@code crypto} group: the JDK's digests, MAC, ciphers, signatures and key derivation. */
public final class CryptoGroup implements SuiteGroup {
    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public String description() {
        return "JCA: SHA-256, SHA3-256, HMAC-SHA256, AES-GCM, ChaCha20-Poly1305, ECDSA P-256, Ed25519, PBKDF2";
    }

    @Override
    public List<Class<? extends SuiteFactory>> suites() {
        return List.of(CryptoSuite.class);
    }
}
