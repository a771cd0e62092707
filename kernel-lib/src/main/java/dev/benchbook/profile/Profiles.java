package dev.benchbook.profile;

import dev.benchbook.result.BenchmarkRun;
import dev.benchbook.result.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Finding a benchmark's profile in a run, with errors that say what the run holds instead. */
public final class Profiles {
    private Profiles() {}

    /**
     * The profile of benchmark {@code name} at the combination whose values include all of {@code
     * params} (empty: the only combination).
     *
     * @throws IllegalArgumentException if the name is unknown, the params match no run or several, or the
     *     run was not profiled or its recording is gone
     */
    public static Profile of(RunResult result, String name, Map<String, ?> params) {
        List<BenchmarkRun> runs = result.runsOf(name);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("profile(\"" + name + "\"): suite '" + result.suite().name()
                    + "' has no benchmark of that name; its benchmarks are " + result.suite().benchmarks());
        }
        List<BenchmarkRun> matching = runs.stream().filter(r -> params.entrySet().stream()
                .allMatch(e -> r.params().values().containsKey(e.getKey())
                        && Objects.equals(String.valueOf(r.params().values().get(e.getKey())), String.valueOf(e.getValue()))))
                .toList();
        if (matching.size() != 1) {
            List<String> combos = runs.stream().map(r -> "{" + r.params() + "}").toList();
            throw new IllegalArgumentException("profile(\"" + name + "\", " + params + "): " + (matching.isEmpty()
                    ? "no run matches" : matching.size() + " runs match") + "; the runs of \"" + name + "\" are "
                    + combos + ": name one, e.g. r.profile(\"" + name + "\", Map.of(...))");
        }
        BenchmarkRun run = matching.get(0);
        if (run.artifacts().isEmpty() && run.status().label().equals("ok")
                && !result.suite().controls().profile().enabled()) {
            throw new IllegalArgumentException("profile(\"" + name + "\"): suite '" + result.suite().name()
                    + "' was not profiled; add .profile() before .run() (e.g. Bench.suite(...)...profile().run())");
        }
        return Profile.of(run);
    }

    /** The profiles of every run of {@code result} that kept a recording, in run order. */
    public static List<Profile> all(RunResult result) {
        return result.runs().stream().filter(r -> !r.artifacts().isEmpty()).map(Profile::of).toList();
    }
}
