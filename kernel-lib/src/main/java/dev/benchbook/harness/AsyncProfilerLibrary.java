package dev.benchbook.harness;

import dev.benchbook.io.AtomicFiles;
import dev.benchbook.result.Artifact;
import dev.benchbook.spec.ProfileSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import one.profiler.AsyncProfiler;

/**
 * async-profiler in this JVM: its native library, shipped in the {@code tools.profiler:async-profiler}
 * jar, copied once to a cache folder and loaded through its Java API, and whether each of Benchbook's
 * async profilers works here, with the profiler's own reason when one does not. The library loads at
 * most once per JVM; a failure to load is kept and reported as the reason.
 */
public final class AsyncProfilerLibrary {
    /** The async-profiler version this build ships. */
    public static final String VERSION = "3.0";
    /** The only platform the shipped jar has a library for. */
    static final String PLATFORM = "linux-x64";
    private static final String RESOURCE = "/" + PLATFORM + "/libasyncProfiler.so";

    private static volatile Loaded loaded;
    private static final Map<String, String> SUPPORT = new ConcurrentHashMap<>();

    private record Loaded(AsyncProfiler profiler, String problem) {}

    private AsyncProfilerLibrary() {}

    /**
     * Why {@code profiler} (one of {@link ProfileSpec}'s async ids) cannot record on this machine, or
     * empty when it can: the library failed to load (the loader's reason), or the profiler's own check of
     * the event failed. {@value ProfileSpec#ASYNC_CPU} needs perf_events: without them async-profiler
     * would silently sample with a timer instead, so it is refused. The answer is worked out once per JVM.
     *
     * @throws IllegalArgumentException if {@code profiler} is not an async id
     */
    public static String unsupported(String profiler) {
        String event = event(profiler);
        return SUPPORT.computeIfAbsent(profiler, p -> probe(p, event));
    }

    /** Whether this JVM has loaded the library (it then records debug information at non-safepoints too). */
    public static boolean isLoaded() {
        Loaded l = loaded;
        return l != null && l.profiler() != null;
    }

    /** async-profiler's event for one of {@link ProfileSpec}'s async ids. */
    static String event(String profiler) {
        return switch (profiler) {
            case ProfileSpec.ASYNC_ITIMER -> "itimer";
            case ProfileSpec.ASYNC_WALL -> "wall";
            case ProfileSpec.ASYNC_CPU -> "cpu";
            default -> throw new IllegalArgumentException("profiler=\"" + profiler + "\" is not an async-profiler mode; use "
                    + ProfileSpec.ASYNC_ITIMER + ", " + ProfileSpec.ASYNC_WALL + " or " + ProfileSpec.ASYNC_CPU);
        };
    }

    private static String probe(String profiler, String event) {
        Loaded l = load();
        if (l.profiler() == null) {
            return "async-profiler " + VERSION + " cannot be loaded in this JVM: " + l.problem();
        }
        try {
            if (ProfileSpec.ASYNC_CPU.equals(profiler)) {
                // "cpu" falls back to a timer when perf_events are missing; the list shows perf events only when they work.
                if (!l.profiler().execute("list").contains("Perf events:")) {
                    return "unsupported: perf_events unavailable (" + perfReason(l.profiler()) + ")";
                }
            }
            l.profiler().execute("check,event=" + event);
            return "";
        } catch (IOException | RuntimeException e) {
            return "unsupported: async-profiler refuses event " + event + " (" + e.getMessage() + ")";
        }
    }

    private static String perfReason(AsyncProfiler p) {
        try {
            p.execute("check,event=page-faults");
            return "async-profiler lists no perf events";
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * The loaded profiler.
     *
     * @throws IllegalStateException with the loader's reason if the library cannot be loaded here
     */
    static AsyncProfiler profiler() {
        Loaded l = load();
        if (l.profiler() == null) {
            throw new IllegalStateException("async-profiler " + VERSION + " cannot be loaded in this JVM: " + l.problem());
        }
        return l.profiler();
    }

    private static Loaded load() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (AsyncProfilerLibrary.class) {
            if (loaded == null) {
                Loaded attempt;
                try {
                    attempt = new Loaded(load(extract()), "");
                } catch (IllegalStateException | UncheckedIOException e) {
                    attempt = new Loaded(null, e.getMessage());
                }
                loaded = attempt;
            }
            return loaded;
        }
    }

    /**
     * Loads the library at {@code lib} and returns the profiler.
     *
     * @throws IllegalStateException with the loader's reason if the file does not load
     */
    static AsyncProfiler load(Path lib) {
        try {
            // Loading first from here gives the loader's own reason (a wrong ELF class, a missing symbol)
            // even when another copy is loaded already; a second load of the same file is a no-op.
            System.load(lib.toString());
            AsyncProfiler p = AsyncProfiler.getInstance(lib.toString());
            p.getVersion();
            return p;
        } catch (UnsatisfiedLinkError | SecurityException e) {
            throw new IllegalStateException("loading " + lib + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The library copied from the jar to {@code <cache>/benchbook/async-profiler-<version>/}, its name
     * carrying the first hex digits of its SHA-256 so that a changed library never reuses a stale copy.
     */
    private static Path extract() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("Benchbook ships async-profiler for " + PLATFORM + " only, and this JVM runs on "
                    + os + " " + arch + "; use ProfileSpec.jfr()");
        }
        byte[] bytes;
        try (InputStream in = AsyncProfiler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the async-profiler jar on the classpath ("
                        + AsyncProfiler.class.getProtectionDomain().getCodeSource() + "); it needs the " + PLATFORM
                        + " classifier");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the async-profiler jar: " + e, e);
        }
        String digest = sha256(bytes);
        Path file = cacheDir().resolve("libasyncProfiler-" + digest.substring(0, 16) + ".so");
        if (Files.isRegularFile(file) && Artifact.sha256(file).equals(digest)) {
            return file;
        }
        return AtomicFiles.write(file, tmp -> Files.write(tmp, bytes), "async-profiler library");
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        if (!Files.isWritable(base) && !(Files.notExists(base) && base.getParent() != null
                && Files.isWritable(base.getParent()))) {
            base = Path.of(System.getProperty("java.io.tmpdir"), "benchbook-" + System.getProperty("user.name", "user"));
        }
        return base.resolve("benchbook").resolve("async-profiler-" + VERSION);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
