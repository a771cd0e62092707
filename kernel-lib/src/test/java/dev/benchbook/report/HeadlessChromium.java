package dev.benchbook.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium with the network off, for the browser tests: a new network namespace when {@code unshare
 * --net} works, and in any case a dead proxy and a resolver that finds nothing.
 */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** How a Chromium run ended: its exit code, its stderr, and whether it ran in a namespace without network. */
    public record Result(int exit, String stderr, boolean isolated) {}

    /** Runs Chromium with {@code args}, its stdout to {@code stdout} (null: discarded), profile folders in {@code dir}. */
    public static Result run(Path dir, List<String> args, Path stdout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean isolated = unshareWorks();
        if (isolated) {
            cmd.addAll(List.of("unshare", "--net"));
        }
        cmd.addAll(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--virtual-time-budget=5000"));
        cmd.addAll(args);
        Path err = Files.createTempFile(dir, "chromium", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        Path out = stdout != null ? stdout : Files.createTempFile(dir, "chromium", ".out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after 180 s", isolated);
        }
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), isolated);
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "--net", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
