package dev.benchbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook command against stand-ins for jupyter: a script that lists kernels and "converts". */
class NotebookCommandTest {
    @TempDir
    Path tmp;

    /** A fake jupyter with kernel {@code kernel}; nbconvert writes OUTDIR/NAME.html, or fails for "bad.ipynb". */
    private Path jupyter(String kernel) throws Exception {
        Path f = tmp.resolve("jupyter");
        Files.writeString(f, String.join("\n",
                "#!/usr/bin/env bash",
                "if [ \"$1\" = kernelspec ]; then",
                "  echo 'Available kernels:'",
                "  echo '  " + kernel + "    /usr/local/share/jupyter/kernels/" + kernel + "'",
                "  exit 0",
                "fi",
                "dir=''; name=''; kernel=''",
                "for a in \"$@\"; do",
                "  case \"$prev\" in --output-dir) dir=\"$a\" ;; --output) name=\"$a\" ;; esac",
                "  case \"$a\" in --ExecutePreprocessor.kernel_name=*) kernel=\"${a#*=}\" ;; esac",
                "  prev=\"$a\"; last=\"$a\"",
                "done",
                "case \"$last\" in *bad.ipynb) echo 'CellExecutionError: boom' >&2; exit 1 ;; esac",
                "echo \"<html>$kernel $last</html>\" > \"$dir/$name.html\"",
                ""));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void notebooksAreExecutedWithTheBenchbookKernelIntoHtml() throws Exception {
        Path nb = Files.writeString(tmp.resolve("tour.ipynb"), "{}");
        Path out = tmp.resolve("reports");
        Cli.Result r = new Cli().run("notebook", nb.toString(), "--out", out.toString(), "--jupyter",
                jupyter("benchbook").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals("<html>benchbook " + nb + "</html>", Files.readString(out.resolve("tour.html")).strip());
        assertTrue(r.err().contains("tour.ipynb executed"), r.toString());
    }

    @Test
    void aFailingNotebookExitsFour() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.ipynb"), "{}");
        Cli.Result r = new Cli().run("notebook", bad.toString(), "--out", tmp.resolve("o").toString(), "--jupyter",
                jupyter("benchbook").toString());
        assertEquals(ExitCodes.BENCHMARK_FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("CellExecutionError: boom"), r.toString());
    }

    @Test
    void aMissingJupyterOrKernelIsAUsageErrorWithTheFix() throws Exception {
        Path nb = Files.writeString(tmp.resolve("tour.ipynb"), "{}");
        Cli.Result noJupyter = new Cli().run("notebook", nb.toString(), "--jupyter", tmp.resolve("none").toString());
        assertEquals(ExitCodes.USAGE, noJupyter.code());
        assertTrue(noJupyter.err().contains("jupyter not found") && noJupyter.err().contains("apt-get install"),
                noJupyter.toString());
        Cli.Result noKernel = new Cli().run("notebook", nb.toString(), "--jupyter", jupyter("python3").toString());
        assertEquals(ExitCodes.USAGE, noKernel.code());
        assertTrue(noKernel.err().contains("--kernel benchbook: no such Jupyter kernel")
                && noKernel.err().contains("scripts/install-kernel.sh"), noKernel.toString());
        Cli.Result envKernel = new Cli().env("BENCHBOOK_KERNEL_NAME", "benchbook-wt").run("notebook", nb.toString(),
                "--out", tmp.resolve("o").toString(), "--jupyter", jupyter("benchbook-wt").toString());
        assertEquals(ExitCodes.OK, envKernel.code(), envKernel.toString());
        Cli.Result noNotebook = new Cli().run("notebook", tmp.resolve("x.ipynb").toString());
        assertEquals(ExitCodes.USAGE, noNotebook.code());
        assertTrue(noNotebook.err().contains("no such notebook"), noNotebook.toString());
    }
}
