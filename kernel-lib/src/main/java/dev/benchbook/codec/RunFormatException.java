package dev.benchbook.codec;

/**
 * A run file that cannot be read: corrupt, truncated, of a future schema version, or not a run file.
 * Nothing of it was loaded.
 */
public final class RunFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String position;
    private final String problem;
    private final boolean array;

    /**
     * @param source the file or stream read, e.g. {@code baselines/main.json}
     * @param position where: {@code line 3, column 17} for broken JSON, a JSON pointer such as {@code
     *     /runs/2/samples/5/wall_ns} for a bad value
     * @param problem what is wrong and what to do
     */
    public RunFormatException(String source, String position, String problem) {
        this(source, position, problem, false);
    }

    /** As above; {@code array}: the document is a JSON array, not a run object (as JMH output is). */
    RunFormatException(String source, String position, String problem, boolean array) {
        super(source + (position.isEmpty() ? "" : " at " + position) + ": " + problem);
        this.source = source;
        this.position = position;
        this.problem = problem;
        this.array = array;
    }

    /** Whether the document was a JSON array, as JMH's result files are, rather than a run object. */
    public boolean isArray() {
        return array;
    }

    /** The file or stream read. */
    public String source() {
        return source;
    }

    /** Where in it the problem is. */
    public String position() {
        return position;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }
}
