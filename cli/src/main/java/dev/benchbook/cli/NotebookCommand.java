package dev.benchbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchbook notebook NB.ipynb...}: notebooks executed headless into HTML. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Executes notebooks headless with the Benchbook kernel into HTML (jupyter nbconvert --execute "
                + "--to html); a cell that raises fails the notebook.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:Every notebook executed.", "2:Usage error: a "
                + "missing notebook, jupyter or the kernel not installed.", "4:A notebook failed to execute."})
final class NotebookCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "NB.ipynb", description = "The notebooks.")
    List<Path> notebooks;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the HTML goes. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("reports");

    @Option(names = "--kernel", paramLabel = "NAME", description = "The kernel. Default: $BENCHBOOK_KERNEL_NAME, "
            + "else benchbook.")
    String kernel;

    @Option(names = "--jupyter", paramLabel = "PATH", description = "The jupyter command. Default: $JUPYTER, else "
            + "/usr/bin/jupyter.")
    Path jupyter;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-cell timeout. Default: ${DEFAULT-VALUE}.")
    int timeout = 1200;

    @Override
    int execute() throws IOException, InterruptedException {
        for (Path nb : notebooks) {
            if (!Files.isRegularFile(nb)) {
                throw CliException.usage(nb + ": no such notebook; pass .ipynb files");
            }
        }
        Path jup = jupyter != null ? jupyter : Path.of(orElse(main().env("JUPYTER"), "/usr/bin/jupyter"));
        String name = kernel != null ? kernel : orElse(main().env("BENCHBOOK_KERNEL_NAME"), "benchbook");
        if (!Files.isExecutable(jup)) {
            throw CliException.usage((jupyter != null ? "--jupyter " : "") + jup + ": jupyter not found; install it "
                    + "(apt-get install jupyter-notebook jupyter-nbconvert) or pass --jupyter PATH");
        }
        Result kernels = exec(List.of(jup.toString(), "kernelspec", "list"));
        if (kernels.code() != 0) {
            throw CliException.usage(jup + " kernelspec list failed (exit " + kernels.code() + "): " + kernels.tail());
        }
        boolean found = kernels.output().lines().map(String::strip).anyMatch(l -> l.equals(name)
                || l.startsWith(name + " "));
        if (!found) {
            throw CliException.usage("--kernel " + name + ": no such Jupyter kernel; install it with `bash "
                    + "scripts/install-kernel.sh` (or BENCHBOOK_KERNEL_NAME=" + name + " for another name), or pass "
                    + "--kernel with one of `" + jup + " kernelspec list`");
        }
        Files.createDirectories(out);
        int failed = 0;
        for (Path nb : notebooks) {
            String base = nb.getFileName().toString().replaceFirst("\\.ipynb$", "");
            long start = System.nanoTime();
            Result r = exec(List.of(jup.toString(), "nbconvert", "--to", "html", "--execute",
                    "--ExecutePreprocessor.kernel_name=" + name, "--ExecutePreprocessor.timeout=" + timeout,
                    "--output-dir", out.toString(), "--output", base, nb.toString()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (r.code() == 0) {
                err().println("notebook: " + nb + " executed in " + ms + " ms -> " + out.resolve(base + ".html"));
            } else {
                failed++;
                err().println("notebook: " + nb + " failed (nbconvert exit " + r.code() + "): " + r.tail());
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.BENCHMARK_FAILED;
    }

    private static String orElse(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }

    record Result(int code, String output) {
        String tail() {
            List<String> lines = output.lines().toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        }
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), output);
    }
}
