package dev.benchbook.cli;

import dev.benchbook.baseline.BaselineException;
import dev.benchbook.codec.RunFormatException;
import dev.benchbook.spec.SuiteValidationException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: its stdout and stderr (the command line's, so tests capture them), the
 * {@link Main} it belongs to, and the mapping of errors to {@link ExitCodes}: a message on stderr that names the
 * command, never a stack trace for an error the user can fix.
 */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Does the work and returns the exit code. */
    abstract int execute() throws Exception;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (CliException e) {
            return fail(e.exitCode(), e.getMessage());
        } catch (BaselineException | RunFormatException | SuiteValidationException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        } catch (Exception e) {
            e.printStackTrace(err());
            return fail(ExitCodes.USAGE, "unexpected error: " + e);
        } finally {
            out().flush();
            err().flush();
        }
    }

    private int fail(int code, String message) {
        err().println(spec.qualifiedName() + ": " + message);
        return code;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Main main() {
        return (Main) spec.root().userObject();
    }
}
