package dev.benchbook.result;

/**
 * The source revision a run measured, captured when the run started.
 *
 * @param commit the full commit hash, empty when not in a git work tree
 * @param branch the branch name, empty when detached or unknown
 * @param dirty whether tracked files had uncommitted changes
 */
public record GitState(String commit, String branch, boolean dirty) {
    /** Outside a git work tree, or git is missing. */
    public static final GitState NONE = new GitState("", "", false);

    public GitState {
        commit = commit == null ? "" : commit;
        branch = branch == null ? "" : branch;
    }

    /** The abbreviated commit with a {@code +dirty} mark, or empty. */
    public String describe() {
        if (commit.isEmpty()) {
            return "";
        }
        return commit.substring(0, Math.min(12, commit.length())) + (dirty ? "+dirty" : "");
    }
}
