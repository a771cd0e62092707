package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/** The installed kernelspec the integration tests start, checks that it is this build, and the driver that runs cells on it. */
final class InstalledKernel {
    /** The kernelspec the tests use unless told otherwise. */
    static final String DEFAULT = "benchbook";
    private static final String JUPYTER = "/usr/bin/jupyter";
    private static final String PYTHON = "/usr/bin/python3";

    private InstalledKernel() {
    }

    /**
     * The system property {@code benchbook.kernel} if set (e.g. {@code mvn verify -Dbenchbook.kernel=benchbook-wt}),
     * else the environment variable {@code BENCHBOOK_KERNEL_NAME} that {@code scripts/install-kernel.sh}
     * also reads, else {@value #DEFAULT}.
     */
    static String name() {
        String property = System.getProperty("benchbook.kernel");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String env = System.getenv("BENCHBOOK_KERNEL_NAME");
        return env != null && !env.isBlank() ? env.strip() : DEFAULT;
    }

    /** Fails unless {@code kernel} is installed, interrupts by message, and runs the jars of this build. */
    static void requireInstalled(String kernel, String hint) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JUPYTER, "kernelspec", "list", "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        JsonObject specs = JsonParser.parseString(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("kernelspecs");
        p.waitFor();
        if (!specs.has(kernel)) {
            fail("'jupyter kernelspec list' has no '" + kernel + "' kernel: " + hint);
        }
        JsonObject spec = specs.getAsJsonObject(kernel).getAsJsonObject("spec");
        assertEquals("message", spec.get("interrupt_mode").getAsString(), "kernelspec interrupt_mode");
        requireInstalledJarsMatchThisBuild(spec, hint);
    }

    /**
     * Runs {@code plan}'s steps on the kernel through {@code kernel_driver.py} (jupyter_client) and
     * returns its report; prints the kernel's stderr.
     */
    static JsonObject runDriver(String kernel, List<Map<String, Object>> plan) throws Exception {
        Path driver = Path.of(InstalledKernel.class.getResource("/kernel_driver.py").toURI());
        Path stderr = Files.createTempFile("kernel-it", ".log");
        Process p = new ProcessBuilder(PYTHON, driver.toString())
                .redirectError(stderr.toFile())
                .start();
        p.getOutputStream().write(new Gson().toJson(Map.of("kernel", kernel, "steps", plan))
                .getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = p.waitFor(8, TimeUnit.MINUTES);
        List<String> log = Files.readAllLines(stderr);
        Files.delete(stderr);
        System.out.println("--- kernel and driver stderr ---");
        log.stream().filter(l -> !l.startsWith("0.00s")).forEach(System.out::println);
        if (!exited || p.exitValue() != 0) {
            fail("kernel_driver.py failed (exit " + (exited ? p.exitValue() : "timeout") + "): " + stdout);
        }
        return JsonParser.parseString(stdout).getAsJsonObject();
    }

    /** Fails when the installed jars are not the ones this build produced, so results mean something. */
    private static void requireInstalledJarsMatchThisBuild(JsonObject spec, String hint) throws IOException {
        String builtJar = System.getProperty("benchbook.kernel.jar");
        if (builtJar == null) {
            return;
        }
        JsonArray argv = spec.getAsJsonArray("argv");
        String classpath = null;
        for (int i = 0; i < argv.size() - 1; i++) {
            if (argv.get(i).getAsString().equals("-cp")) {
                classpath = argv.get(i + 1).getAsString();
            }
        }
        assertNotNull(classpath, "kernelspec argv has no -cp");
        Path installed = Path.of(classpath.replace("/*", ""));
        Path built = Path.of(builtJar);
        List<Path> expected = new ArrayList<>();
        expected.add(built);
        try (Stream<Path> libs = Files.list(built.resolveSibling("lib"))) {
            libs.forEach(expected::add);
        }
        for (Path jar : expected) {
            Path copy = installed.resolve(jar.getFileName());
            if (!Files.exists(copy) || !contentOf(copy).equals(contentOf(jar))) {
                fail("The installed kernel is not this build (" + copy + " differs from " + jar + "): " + hint);
            }
        }
    }

    /** Entry name to CRC, without META-INF: jar timestamps and build metadata change on every build. */
    private static Map<String, Long> contentOf(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Map<String, Long> crcs = new TreeMap<>();
            zip.stream().filter(e -> !e.getName().startsWith("META-INF/"))
                    .forEach(e -> crcs.put(e.getName(), e.getCrc()));
            return crcs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
