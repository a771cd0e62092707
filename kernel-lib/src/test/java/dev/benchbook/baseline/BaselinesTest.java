package dev.benchbook.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.plot.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {
    @TempDir
    Path dir;

    @Test
    void saveLoadListDelete() {
        Baselines b = new Baselines(dir.resolve("baselines"));
        var info = b.save("main", TestRuns.sorting(), List.of());
        assertEquals("main", info.name());
        assertEquals(16, info.fingerprintHash().length());
        assertTrue(Files.isRegularFile(dir.resolve("baselines/main.json")));
        var back = b.load("main");
        assertEquals(TestRuns.sorting(), back.run().result());
        assertEquals(info, back.info());
        assertEquals(TestRuns.GIT.commit(), back.run().result().git().commit());
        b.save("release-1.2", TestRuns.noParams(), List.of());
        assertEquals(List.of("main", "release-1.2"), b.list().stream().map(i -> i.name()).toList());
        // A baseline file is a run file too.
        assertEquals(TestRuns.noParams(), dev.benchbook.codec.RunJson.read(b.file("release-1.2")).result());
        b.delete("main");
        assertEquals(List.of("release-1.2"), b.list().stream().map(i -> i.name()).toList());
    }

    @Test
    void aMissingBaselineNamesTheFix() {
        Baselines b = new Baselines(dir);
        b.save("dev", TestRuns.noParams(), List.of());
        BaselineException e = assertThrows(BaselineException.class, () -> b.load("main"));
        assertTrue(e.missing());
        assertTrue(e.getMessage().startsWith("baseline 'main' does not exist in " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("save one with `benchbook baseline save main` or r.saveBaseline(\"main\")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(existing: dev)"), e.getMessage());
        assertTrue(assertThrows(BaselineException.class, () -> b.delete("main")).missing());
    }

    @Test
    void badNamesAndCorruptFilesAreClearErrors() {
        Baselines b = new Baselines(dir);
        BaselineException bad = assertThrows(BaselineException.class, () -> b.save("../x", TestRuns.noParams(),
                List.of()));
        assertTrue(bad.getMessage().contains("baseline name \"../x\": must be 1 to 64 letters"), bad.getMessage());
        b.save("main", TestRuns.noParams(), List.of());
        String json = dev.benchbook.codec.RunJson.toJson(TestRuns.noParams(), List.of());
        dev.benchbook.io.AtomicFiles.writeString(b.file("main"), json.substring(0, json.length() / 2), "test");
        BaselineException corrupt = assertThrows(BaselineException.class, () -> b.load("main"));
        assertTrue(corrupt.getMessage().startsWith("baseline 'main' is corrupt: "), corrupt.getMessage());
        assertTrue(corrupt.getMessage().contains("restore main.json from version control"), corrupt.getMessage());
        dev.benchbook.io.AtomicFiles.writeString(b.file("plain"), json, "test");
        BaselineException plain = assertThrows(BaselineException.class, () -> b.load("plain"));
        assertTrue(plain.getMessage().contains("a run file but not a baseline"), plain.getMessage());
    }
}
