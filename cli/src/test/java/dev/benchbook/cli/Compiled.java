package dev.benchbook.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Suites compiled at test time into a folder of their own, off the test classpath: what {@code --classpath} and
 * {@code --a-classpath}/{@code --b-classpath} load. Each is {@code ext.ExtSuite}, suite "ext", benchmark "steps"
 * doing {@code steps} steps of arithmetic.
 */
final class Compiled {
    static final String CLASS = "ext.ExtSuite";

    private Compiled() {}

    static Path suite(Path dir, int steps) throws IOException {
        Path src = dir.resolve("src/ext/ExtSuite.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, String.join("\n",
                "package ext;",
                "public final class ExtSuite implements dev.benchbook.spec.SuiteFactory {",
                "    @Override",
                "    public dev.benchbook.spec.SuiteSpec create() {",
                "        return dev.benchbook.Bench.suite(\"ext\")",
                "            .benchmarkLong(\"steps\", ctx -> {",
                "                long h = 17;",
                "                for (int i = 0; i < " + steps + "; i++) { h = h * 31 + (i ^ (h >>> 7)); }",
                "                return h;",
                "            })",
                "            .warmup(1).iterations(5).iterationTime(java.time.Duration.ofMillis(3)).build();",
                "    }",
                "}", ""));
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, null, null, List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(src)).call();
        if (!ok) {
            throw new IllegalStateException("could not compile " + src + ": " + log);
        }
        return classes;
    }
}
