package dev.benchbook.calibration.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationReportTest {
    private static final TimeModel JMH_DEFAULT = new TimeModel(5, 5, 10, 5, 10, 1);

    private static void both(List<Measurement> ms, String w, double jmhNs, double bbNs, double bbWall) {
        ms.add(new Measurement(w, Tool.JMH, 1, jmhNs, jmhNs * 0.99, jmhNs * 1.01, 5, "fixed", 9, Double.NaN, Double.NaN, Double.NaN));
        ms.add(new Measurement(w, Tool.BENCHBOOK, 1, bbNs, bbNs * 0.99, bbNs * 1.01, 8, "target_met", bbWall, Double.NaN, Double.NaN, Double.NaN));
    }

    private static CalibrationReport report(double sortRatio, double bbWall) {
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("sort", Role.AGREEMENT);
        roles.put("map", Role.AGREEMENT);
        roles.put("empty", Role.HARNESS_OVERHEAD);
        roles.put("horner.returned", Role.PITFALL_CORRECT);
        roles.put("horner.discarded", Role.DEAD_CODE);
        roles.put("horner.constant", Role.CONSTANT_FOLDED);
        List<Measurement> ms = new ArrayList<>();
        both(ms, "sort", 1000, 1000 * sortRatio, bbWall);
        both(ms, "map", 500, 505, bbWall);
        both(ms, "empty", 0.9, 0.3, bbWall);
        both(ms, "horner.returned", 5, 5.1, bbWall);
        both(ms, "horner.discarded", 0.3, 0.25, bbWall);
        both(ms, "horner.constant", 0.3, 0.26, bbWall);
        return CalibrationReport.create(List.of("test"), roles, ms, JMH_DEFAULT);
    }

    @Test
    void passesWhenToolsAgreeAndBenchbookIsFast() {
        CalibrationReport r = report(1.02, 2);
        assertTrue(r.allPass(), r.toText());
        assertEquals(5, r.verdicts().size());
    }

    @Test
    void pitfallVariantsAndTheEmptyBenchmarkDoNotCountForAgreement() {
        // discarded, constant and empty disagree by 13-67%; only sort, map and horner.returned count.
        CalibrationReport r = report(1.0, 2);
        assertTrue(r.verdicts().get(1).name().contains("horner.returned"), r.verdicts().get(1).name());
        assertEquals("2.00%", r.verdicts().get(1).measured());
        assertTrue(r.toText().contains("counting empty too: median 1.50%, worst 66.67% (empty)"), r.toText());
    }

    @Test
    void missesWorstTargetBeyondEightPercent() {
        CalibrationReport r = report(1.09, 2);
        assertFalse(r.allPass());
        assertEquals("MISS", r.verdicts().get(1).label());
        assertEquals("PASS", r.verdicts().get(0).label());
    }

    @Test
    void missesTimeTargetWhenBenchbookTakesMoreThanATenthOfJmhDefault() {
        // JMH default here: 5 × (50 + 50) + 5 × 1 = 505 s; a tenth is 50.5 s.
        CalibrationReport r = report(1.0, 51);
        assertEquals("MISS", r.verdicts().get(4).label());
        assertEquals(505, JMH_DEFAULT.totalSeconds(), 1e-9);
    }

    @Test
    void rendersEveryVerdictInTextAndMarkdownAndOneCsvRowPerWorkload() {
        CalibrationReport r = report(1.0, 2);
        String text = r.toText();
        String md = r.toMarkdown();
        for (Verdict v : r.verdicts()) {
            assertTrue(text.contains(v.name()), v.name());
            assertTrue(md.contains(v.name().replace("|", "\\|")), v.name());
        }
        assertEquals(1 + 6, r.toCsv().lines().count());
        assertEquals(1 + 12, r.roundsCsv().lines().count());
        assertTrue(r.toCsv().startsWith("workload,role,jmh_score_ns,"));
    }

    @Test
    void formatsNanosecondsWithoutExponents() {
        assertEquals("0.341", CalibrationReport.ns(0.3412));
        assertEquals("12.34", CalibrationReport.ns(12.344));
        assertEquals("1234.5", CalibrationReport.ns(1234.46));
        assertEquals("4123456", CalibrationReport.ns(4123456.2));
    }
}
