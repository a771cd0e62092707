package dev.benchbook.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file a run produced and keeps beside its numbers, e.g. a profiler's recording. The run format
 * stores the reference (kind, path, digest, size), not the file.
 *
 * @param kind what the file holds: {@value #JFR} for a JDK Flight Recorder recording, {@value #ASYNC_JFR}
 *     for async-profiler's
 * @param path the file, absolute
 * @param sha256 the SHA-256 of the file's bytes, 64 lowercase hex digits
 * @param bytes the file's size
 */
public record Artifact(String kind, String path, String sha256, long bytes) {
    /** A JDK Flight Recorder recording ({@code .jfr}) made by the JVM's own Flight Recorder. */
    public static final String JFR = "jfr";
    /** async-profiler's execution samples, in its JFR output format ({@code .async.jfr}). */
    public static final String ASYNC_JFR = "async-jfr";

    /**
     * The artifact of an existing file, its digest and size read now.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Artifact of(String kind, Path file) {
        Path abs = file.toAbsolutePath();
        return new Artifact(kind, abs.toString(), sha256(abs), size(abs));
    }

    /** The file as a path. */
    public Path file() {
        return Path.of(path);
    }

    /**
     * Why the file cannot be used any more, or empty when it is there with the recorded size and digest.
     */
    public String problem() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return "artifact " + path + " (" + kind + ") is missing: it was deleted or the run file was moved to "
                    + "another machine; copy the file back to that path or profile again";
        }
        if (size(f) != bytes || !sha256(f).equals(sha256)) {
            return "artifact " + path + " (" + kind + ") changed since the run (expected " + bytes + " bytes, SHA-256 "
                    + sha256 + "); profile again";
        }
        return "";
    }

    /** The SHA-256 of a file, in lowercase hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + file, e);
        }
    }
}
