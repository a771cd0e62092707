package dev.benchbook.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.benchbook.spec.ParamSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsKeyTest {
    @Test
    void readsLikeTheParamKeyAndDecodesToTheSameMap() {
        ParamSet p = new ParamSet(new LinkedHashMap<>(Map.of("size", 1_000)));
        assertEquals("size=1000", ParamsKey.of(p));
        assertEquals(p.key(), ParamsKey.of(p));
        assertEquals(Map.of("size", "1000"), ParamsKey.decode(ParamsKey.of(p)));
        assertEquals(Map.of(), ParamsKey.decode(ParamsKey.of(ParamSet.EMPTY)));
    }

    @Test
    void escapesSeparatorsInsideNamesAndValues() {
        Map<String, String> tricky = new LinkedHashMap<>();
        tricky.put("kind", "a, b=c");
        tricky.put("path", "C:\\tmp\\x");
        tricky.put("empty", "");
        tricky.put(" spaced", " v ");
        String key = ParamsKey.of(tricky);
        assertEquals("kind=a\\, b\\=c, path=C:\\\\tmp\\\\x, empty=,  spaced= v ", key);
        assertEquals(tricky, ParamsKey.decode(key));
        assertEquals(new java.util.ArrayList<>(tricky.keySet()), new java.util.ArrayList<>(ParamsKey.decode(key).keySet()));
    }
}
