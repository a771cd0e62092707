package dev.benchbook.plot;

import static dev.benchbook.plot.FigureJs.count;
import static dev.benchbook.plot.FigureJs.js;
import static dev.benchbook.plot.FigureJs.title;
import static dev.benchbook.plot.FigureJs.traceTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.Results;
import dev.benchbook.result.RunResult;
import dev.benchbook.spec.ParamSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

class PlotsTest {
    private static final RunResult SORTING = TestRuns.sorting();
    private static final Results RESULTS = new Results(SORTING);

    @Test
    void distributionHasOneBoxPerBenchmarkWithDataGroupedByParamCombination() {
        Figure f = Plots.distribution(RESULTS);
        assertEquals(List.of("box", "box"), traceTypes(f), "broken has no samples and gets no trace");
        assertTrue(title(f).startsWith("sorting: distribution of wall time per operation"), title(f));
        String js = js(f);
        assertTrue(js.contains("layout[\"boxmode\"] = \"group\";"), js);
        assertTrue(js.contains("size=1000"), "param combinations on the x axis");
        assertTrue(js.contains("title: 'size'"), "x axis titled with the param name");
        assertTrue(js.contains("title: 'wall time (µs/op, log scale)'"), "unit from the magnitude, log axis"
                + " because the medians span 20 µs to 3.3 ms: " + js);
        assertEquals(1, count(js, "type: 'log'"));
        assertEquals(2 * 3 * TestRuns.ITERATIONS, count(js, "\"size=") , "one x value per measured iteration");
    }

    @Test
    void distributionCanDrawViolins() {
        Figure f = Plots.distribution(SORTING, DistributionPlot.Kind.VIOLIN);
        assertEquals(List.of("violin", "violin"), traceTypes(f));
        assertTrue(js(f).contains("layout[\"violinmode\"] = \"group\";"));
    }

    @Test
    void distributionWithoutParamsPutsBenchmarksOnTheXAxisInNanoseconds() {
        Figure f = Plots.distribution(TestRuns.noParams());
        assertEquals(List.of("box", "box"), traceTypes(f));
        assertTrue(js(f).contains("title: 'benchmark'"));
        assertTrue(js(f).contains("title: 'wall time (ns/op)'"), "50 and 120 ns/op: linear axis");
        assertTrue(js(f).contains("showlegend: false"));
    }

    @Test
    void distributionFromTheSamplesTableMatchesTheRunResult() {
        assertEquals(traceTypes(Plots.distribution(SORTING)), traceTypes(Plots.distribution(RESULTS.samples())));
    }

    @Test
    void scalingHasOneLinePerBenchmarkWithConfidenceErrorBars() {
        Figure f = Plots.scaling(RESULTS, "size");
        assertEquals(List.of("scatter", "scatter"), traceTypes(f));
        String js = js(f);
        assertEquals(2, count(js, "[\"error_y\"] = {\"type\":\"data\",\"symmetric\":false"), js);
        assertTrue(js.contains("mode: 'lines+markers'"));
        assertTrue(title(f).contains("mean time per operation vs size (99.9% confidence intervals)"), title(f));
        assertTrue(js.contains("title: 'mean wall time (µs/op), log scale'"), js);
        assertTrue(js.contains("title: 'size (log scale)'"), "sizes span 100x, so AUTO goes log-log: " + js);
    }

    @Test
    void scalingOnLogAxesSetsBothAxesToLog() {
        String js = js(Plots.scaling(SORTING, "size", ScalingPlot.Scale.LOG_LOG));
        assertEquals(2, count(js, "type: 'log'"), js);
        assertTrue(js.contains("title: 'size (log scale)'"));
    }

    @Test
    void scalingFromTheSummaryTableUsesItsIntervals() {
        Figure fromTable = Plots.scaling(RESULTS.summary(), "size");
        assertEquals(List.of("scatter", "scatter"), traceTypes(fromTable));
        assertEquals(js(Plots.scaling(SORTING, "size")).replace("'sorting", "'x"),
                js(fromTable).replace("'sorting", "'x"), "same means and intervals either way");
    }

    @Test
    void scalingRejectsUnknownAndNonNumericParamsNamingTheFix() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Plots.scaling(SORTING, "sz"));
        assertEquals("scaling(param=\"sz\"): suite 'sorting' has no such param; its params are [size];"
                + " pass one of them", unknown.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> Plots.scaling(TestRuns.hostile(), "kind"));
        assertTrue(text.getMessage().contains("are not numbers") && text.getMessage().contains("Plots.distribution"),
                text.getMessage());
    }

    @Test
    void timelineHasOneTracePerParamCombinationWithWarmupMarkedOpen() {
        Figure f = Plots.timeline(RESULTS, "arrays.sort");
        assertEquals(List.of("scatter", "scatter", "scatter"), traceTypes(f));
        String js = js(f);
        assertEquals(3 * TestRuns.WARMUP, count(js, "\"circle-open\""), js);
        assertEquals(3 * TestRuns.ITERATIONS, count(js, "\"circle\""));
        assertTrue(title(f).contains("sorting / arrays.sort: wall time per iteration (open circles: warmup)"));
        assertTrue(js.contains("name: 'size=100000'"));
    }

    @Test
    void timelineOfAnUnknownBenchmarkListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.timeline(SORTING, "nope"));
        assertEquals("timeline(benchmark=\"nope\"): suite 'sorting' has no such benchmark; its benchmarks are"
                + " [arrays.sort, parallel.sort, broken]; pass one of them", e.getMessage());
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> Plots.timeline(SORTING, "broken"));
        assertTrue(failed.getMessage().contains("see r.problems()"), failed.getMessage());
    }

    @Test
    void histogramOverlaysOneHistogramPerParamCombination() {
        Figure f = Plots.histogram(RESULTS, "parallel.sort");
        assertEquals(List.of("histogram", "histogram", "histogram"), traceTypes(f));
        assertTrue(js(f).contains("barmode: 'overlay'"));
        assertFalse(title(f).isEmpty());
        assertEquals(List.of("histogram"), traceTypes(Plots.histogram(TestRuns.noParams(), "hashmap")));
    }

    @Test
    void ratioHasABarTracePerBenchmarkWithWhiskersAndTheBaselineAtOne() {
        Figure f = Plots.ratio(RESULTS, "arrays.sort");
        assertEquals(List.of("bar", "bar"), traceTypes(f));
        String js = js(f);
        assertEquals(2, count(js, "[\"error_y\"]"));
        assertTrue(js.contains("y: [1.0, 1.0, 1.0],"), "the baseline over itself is exactly 1: " + js);
        assertTrue(title(f).contains("mean time relative to arrays.sort (99.9% confidence intervals)"));
        assertTrue(js.contains("title: 'mean time / mean time of arrays.sort (&gt; 1 is slower)'"), js);
    }

    @Test
    void ratioAxisGoesLogWhenRatiosSpanAHundredfold() {
        RunResult wide = new RunResult(TestRuns.noParams().suite(), TestRuns.ENVIRONMENT, TestRuns.STARTED,
                java.time.Duration.ofSeconds(1), List.of(TestRuns.run("hashmap", ParamSet.EMPTY, 100, 0, 1),
                        TestRuns.run("treemap", ParamSet.EMPTY, 30_000, 0, 2)));
        assertTrue(js(Plots.ratio(wide, "hashmap")).contains("(&gt; 1 is slower, log scale)"));
        assertTrue(js(Plots.ratio(wide, "hashmap")).contains("type: 'log'"));
        assertFalse(js(Plots.ratio(TestRuns.noParams(), "hashmap")).contains("log scale"), "a narrow span stays linear");
    }

    @Test
    void ratioWithoutParamsIsOneTraceWithABarPerBenchmark() {
        Figure f = Plots.ratio(TestRuns.noParams(), "hashmap");
        assertEquals(List.of("bar"), traceTypes(f));
        assertTrue(js(f).contains("x: [\"hashmap\",\"treemap\"]"), js(f));
    }

    @Test
    void ratioRefusesABaselineWithoutMeasurements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.ratio(SORTING, "broken"));
        assertTrue(e.getMessage().startsWith("ratio(baseline=\"broken\"): the baseline has no measured iteration"),
                e.getMessage());
    }

    @Test
    void everyFactoryAcceptsResultsAndRunResultAlike() {
        assertEquals(js(Plots.histogram(SORTING, "arrays.sort")), js(Plots.histogram(RESULTS, "arrays.sort")));
        assertEquals(js(Plots.ratio(SORTING, "arrays.sort")), js(Plots.ratio(RESULTS, "arrays.sort")));
        assertEquals(js(Plots.timeline(SORTING, "arrays.sort")), js(Plots.timeline(RESULTS.allSamples(), "arrays.sort"))
                .replace("'sorting / ", "'sorting / "));
    }

    @Test
    void plotsOfAllFailedRunsExplainWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.distribution(TestRuns.allFailed()));
        assertEquals("distribution: suite 'nothing' has no measured iterations; every run failed or was warmup only;"
                + " see r.problems() and run again", e.getMessage());
    }
}
