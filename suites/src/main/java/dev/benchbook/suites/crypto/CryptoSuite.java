package dev.benchbook.suites.crypto;

import dev.benchbook.Bench;
import dev.benchbook.spec.BenchContext;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Random;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK's cryptography providers on a seeded payload of {@code bytes} bytes: SHA-256 and SHA3-256 digests,
 * HMAC-SHA256, AES-256-GCM and ChaCha20-Poly1305 encryption and decryption, ECDSA on P-256 with SHA-256 and
 * Ed25519 signing and verification (of the payload), and PBKDF2-HMAC-SHA256 key derivation
 * ({@value #PBKDF2_ITERATIONS} iterations, a 32-byte key; its cost does not depend on {@code bytes}). The
 * payload comes from the suite seed and {@code bytes}, the keys, password and salt from the seed alone, so the
 * outputs of the deterministic algorithms (digests, MAC, decryption, Ed25519 signatures, PBKDF2) are the same in
 * every run, and PBKDF2's at every payload size.
 *
 * <p>Encryption takes a fresh nonce every operation, as it must: a counter, since AES-GCM and
 * ChaCha20-Poly1305 forbid reusing a key and nonce (the JDK refuses it). Its ciphertext therefore differs per
 * call, and the output is the ciphertext's length (payload plus the 16-byte tag). Decryption alternates between
 * two ciphertexts of the payload sealed at setup under two nonces (the JDK's ChaCha20-Poly1305 refuses even to
 * decrypt twice in a row with one key and nonce); its output is the payload. ECDSA draws a random nonce per
 * signature, so a signature's output is its length (the fixed 64-byte r‖s form); verification of a signature
 * made at setup outputs the verification result, which must be {@code true} every time. {@link
 * Throughput#of} gives MB/s from the times and {@link #bytesPerOp}.
 */
public final class CryptoSuite implements SuiteFactory {
    /** PBKDF2's iteration count. */
    public static final int PBKDF2_ITERATIONS = 10_000;

    /** The benchmarks whose work is the payload; PBKDF2's work does not grow with it. */
    static final Set<String> PAYLOAD = Set.of("sha-256", "sha3-256", "hmac-sha256", "aes-gcm.encrypt",
            "aes-gcm.decrypt", "chacha20-poly1305.encrypt", "chacha20-poly1305.decrypt", "ecdsa-p256.sign",
            "ecdsa-p256.verify", "ed25519.sign", "ed25519.verify");

    /** Everything one benchmark run needs: the payload, keys, reusable engines and what setup made. */
    static final class State {
        final byte[] payload;
        final MessageDigest sha256;
        final MessageDigest sha3;
        final Mac hmac;
        final SecretKeySpec aesKey;
        final SecretKeySpec chachaKey;
        final Cipher aes;
        final Cipher chacha;
        /** The payload sealed under each of the two fixed nonces, by AES-GCM and by ChaCha20-Poly1305. */
        final byte[][] aesSealed = new byte[2][];
        final byte[][] chachaSealed = new byte[2][];
        final byte[][] fixedNonce = {new byte[12], new byte[12]};
        int turn;
        final byte[] nonce = new byte[12];
        long counter;
        final KeyPair ec;
        final KeyPair ed;
        final Signature ecdsa;
        final Signature eddsa;
        final byte[] ecSignature;
        final byte[] edSignature;
        final char[] password;
        final byte[] salt;
        final SecretKeyFactory pbkdf2;

        State(BenchContext ctx) throws Exception {
            payload = bytes(ctx.random(), ctx.intParam("bytes"));
            // Keys, nonces, password and salt from the seed alone, the same at every payload size.
            Random r = new Random(ctx.seed());
            sha256 = MessageDigest.getInstance("SHA-256");
            sha3 = MessageDigest.getInstance("SHA3-256");
            hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(bytes(r, 32), "HmacSHA256"));
            aesKey = new SecretKeySpec(bytes(r, 32), "AES");
            chachaKey = new SecretKeySpec(bytes(r, 32), "ChaCha20");
            aes = Cipher.getInstance("AES/GCM/NoPadding");
            chacha = Cipher.getInstance("ChaCha20-Poly1305");
            for (int i = 0; i < 2; i++) {
                r.nextBytes(fixedNonce[i]);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, fixedNonce[i]));
                aesSealed[i] = c.doFinal(payload);
                c = Cipher.getInstance("ChaCha20-Poly1305");
                c.init(Cipher.ENCRYPT_MODE, chachaKey, new IvParameterSpec(fixedNonce[i]));
                chachaSealed[i] = c.doFinal(payload);
            }
            r.nextBytes(nonce);
            SecureRandom keys = seeded(r);
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), keys);
            ec = g.generateKeyPair();
            g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, keys);
            ed = g.generateKeyPair();
            ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
            eddsa = Signature.getInstance("Ed25519");
            ecdsa.initSign(ec.getPrivate());
            ecdsa.update(payload);
            ecSignature = ecdsa.sign();
            eddsa.initSign(ed.getPrivate());
            eddsa.update(payload);
            edSignature = eddsa.sign();
            password = ("benchbook-" + Long.toHexString(r.nextLong())).toCharArray();
            salt = bytes(r, 16);
            pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        }

        /** The next encryption nonce: the setup's random nonce with a counter in its last eight bytes. */
        byte[] nextNonce() {
            ByteBuffer.wrap(nonce).putLong(4, ++counter);
            return nonce;
        }
    }

    @Override
    public SuiteSpec create() {
        return Bench.suite("crypto")
                .description("JCA: SHA-256, SHA3-256, HMAC, AES-GCM, ChaCha20-Poly1305, ECDSA P-256, Ed25519, PBKDF2")
                .param("bytes", 64, 1_024, 16_384)
                .setup(State::new)
                .benchmark("sha-256", (ctx, s) -> s.sha256.digest(s.payload))
                .benchmark("sha3-256", (ctx, s) -> s.sha3.digest(s.payload))
                .benchmark("hmac-sha256", (ctx, s) -> s.hmac.doFinal(s.payload))
                .benchmarkLong("aes-gcm.encrypt", (ctx, s) -> {
                    s.aes.init(Cipher.ENCRYPT_MODE, s.aesKey, new GCMParameterSpec(128, s.nextNonce()));
                    return s.aes.doFinal(s.payload).length;
                })
                .benchmark("aes-gcm.decrypt", (ctx, s) -> {
                    int i = s.turn ^= 1;
                    s.aes.init(Cipher.DECRYPT_MODE, s.aesKey, new GCMParameterSpec(128, s.fixedNonce[i]));
                    return s.aes.doFinal(s.aesSealed[i]);
                })
                .benchmarkLong("chacha20-poly1305.encrypt", (ctx, s) -> {
                    s.chacha.init(Cipher.ENCRYPT_MODE, s.chachaKey, new IvParameterSpec(s.nextNonce()));
                    return s.chacha.doFinal(s.payload).length;
                })
                .benchmark("chacha20-poly1305.decrypt", (ctx, s) -> {
                    int i = s.turn ^= 1;
                    s.chacha.init(Cipher.DECRYPT_MODE, s.chachaKey, new IvParameterSpec(s.fixedNonce[i]));
                    return s.chacha.doFinal(s.chachaSealed[i]);
                })
                .benchmarkLong("ecdsa-p256.sign", (ctx, s) -> {
                    s.ecdsa.initSign(s.ec.getPrivate());
                    s.ecdsa.update(s.payload);
                    return s.ecdsa.sign().length;
                })
                .benchmark("ecdsa-p256.verify", (ctx, s) -> {
                    s.ecdsa.initVerify(s.ec.getPublic());
                    s.ecdsa.update(s.payload);
                    return s.ecdsa.verify(s.ecSignature);
                })
                .benchmark("ed25519.sign", (ctx, s) -> {
                    s.eddsa.initSign(s.ed.getPrivate());
                    s.eddsa.update(s.payload);
                    return s.eddsa.sign();
                })
                .benchmark("ed25519.verify", (ctx, s) -> {
                    s.eddsa.initVerify(s.ed.getPublic());
                    s.eddsa.update(s.payload);
                    return s.eddsa.verify(s.edSignature);
                })
                .benchmark("pbkdf2-sha256", (ctx, s) -> s.pbkdf2.generateSecret(
                        new PBEKeySpec(s.password, s.salt, PBKDF2_ITERATIONS, 256)).getEncoded())
                .baseline("sha-256")
                .build();
    }

    /**
     * The payload bytes benchmark {@code benchmark} of this suite processes per operation at {@code bytes}:
     * {@code bytes} for every benchmark but {@code pbkdf2-sha256}, whose work does not depend on it (0).
     */
    public static long bytesPerOp(String benchmark, long bytes) {
        return PAYLOAD.contains(benchmark) ? bytes : 0;
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /**
     * A SecureRandom whose output is fixed by {@code r}'s next long: SHA1PRNG seeded before first use does not
     * mix in system entropy. Only for the keys, so that Ed25519 signatures are the same in every run.
     */
    static SecureRandom seeded(Random r) throws Exception {
        SecureRandom s = SecureRandom.getInstance("SHA1PRNG");
        s.setSeed(r.nextLong());
        return s;
    }
}
