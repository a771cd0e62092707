package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.benchbook.spec.ProfileSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncProfilerLibraryTest {
    @Test
    void aLibraryThatDoesNotLoadIsRefusedWithTheLoadersReason(@TempDir Path dir) throws Exception {
        // The JVM warns on stderr that this file "might have disabled stack guard": it checks a library's ELF
        // header before loading it, and this one has none.
        Path broken = Files.writeString(dir.resolve("libasyncProfiler.so"), "not a shared object\n".repeat(64));
        var e = assertThrows(IllegalStateException.class, () -> AsyncProfilerLibrary.load(broken));
        assertTrue(e.getMessage().startsWith("loading " + broken + " failed: "), e.getMessage());
        // The JVM's loader says why: the file is no shared object.
        assertTrue(e.getMessage().contains("invalid ELF header"), e.getMessage());
        var missing = assertThrows(IllegalStateException.class, () -> AsyncProfilerLibrary.load(dir.resolve("none.so")));
        assertTrue(missing.getMessage().contains("none.so"), missing.getMessage());
    }

    @Test
    void eachAsyncIdHasItsEventAndOthersAreRefused() {
        assertEquals("itimer", AsyncProfilerLibrary.event(ProfileSpec.ASYNC_ITIMER));
        assertEquals("wall", AsyncProfilerLibrary.event(ProfileSpec.ASYNC_WALL));
        assertEquals("cpu", AsyncProfilerLibrary.event(ProfileSpec.ASYNC_CPU));
        var e = assertThrows(IllegalArgumentException.class, () -> AsyncProfilerLibrary.unsupported(ProfileSpec.JFR));
        assertTrue(e.getMessage().contains("is not an async-profiler mode"), e.getMessage());
    }
}
