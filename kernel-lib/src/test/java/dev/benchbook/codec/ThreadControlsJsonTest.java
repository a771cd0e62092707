package dev.benchbook.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.benchbook.spec.ParamSet;
import dev.benchbook.spec.RunControls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadControlsJsonTest {

    @Test
    void threadControlsSurviveTheForkProtocol() {
        RunControls d = RunControls.defaults();
        RunControls threaded = new RunControls(d.warmupIterations(), d.iterations(), d.fixedIterations(),
                d.maxIterations(), d.maxTime(), d.targetPrecision(), d.iterationTime(), d.timeout(), d.seed(),
                d.confidence(), 1, d.adaptiveWarmup(), d.maxWarmupIterations(), -1, List.of(), 1, "threads");
        RunControls back = RunJson.parseControls(RunJson.controlsLine(threaded), "test");
        assertEquals(threaded, back);
        assertEquals(4, back.threadsFor(new ParamSet(Map.of("threads", 4))));
    }

    @Test
    void singleThreadedControlsAreWrittenAsBefore() {
        String line = RunJson.controlsLine(RunControls.defaults());
        assertFalse(line.contains("threads"), line);
        assertEquals(1, RunJson.parseControls(line, "test").threads());
    }

    @Test
    void aCombinationTravelsWithItsTypes() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("size", 64);
        v.put("big", 1L << 40);
        v.put("rate", 0.5);
        v.put("pattern", "sorted");
        v.put("on", true);
        ParamSet p = new ParamSet(v);
        assertEquals(p, RunJson.parseParams(RunJson.paramsLine(p), "test"));
    }
}
