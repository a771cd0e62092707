package dev.benchbook.kernel;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Shows values in the running cell's output while the cell is still executing, and replaces them
 * later: the basis for live progress. Values are rendered like cell values (see {@link Renderers}).
 * Outside a kernel, or when no cell is executing, nothing is shown.
 */
public final class NotebookDisplay {
    private NotebookDisplay() {
    }

    /**
     * Adds {@code value} to the output of the executing cell.
     *
     * @return the display id to pass to {@link #update(String, Object)}
     */
    public static String display(Object value) {
        String id = UUID.randomUUID().toString();
        BaseKernel kernel = BaseKernel.notebookKernel();
        if (kernel != null) {
            DisplayData data = kernel.getRenderer().render(value);
            data.setDisplayId(id);
            kernel.display(data);
        }
        return id;
    }

    /** Replaces what an earlier {@link #display(Object)} showed with {@code value}. */
    public static void update(String displayId, Object value) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        if (kernel != null) {
            kernel.getIO().display.updateDisplay(displayId, kernel.getRenderer().render(value));
        }
    }
}
