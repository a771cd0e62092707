package dev.benchbook.display;

/**
 * Where live output goes while a cell runs: the kernel installs one with {@link Notebook#install};
 * outside a notebook there is none. Implementations must be thread-safe: progress is reported from
 * the measuring thread.
 */
public interface DisplaySink {

    /** Shows {@code value} in the running cell's output and returns an id for later updates. */
    String display(Displayable value);

    /** Replaces what {@link #display} showed under {@code id} with {@code value}, in place. */
    void update(String id, Displayable value);
}
