package dev.benchbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OutputHasherTest {

    record Point(int x, int y) {}

    static final class Plain {
        final int[] data;
        final String label;

        Plain(int[] data, String label) {
            this.data = data;
            this.label = label;
        }
    }

    @Test
    void arraysHashByContentNotIdentity() {
        assertEquals(OutputHasher.hash(new int[] {1, 2, 3}), OutputHasher.hash(new int[] {1, 2, 3}));
        assertNotEquals(OutputHasher.hash(new int[] {1, 2, 3}), OutputHasher.hash(new int[] {1, 3, 2}));
        assertEquals(OutputHasher.hash(new String[] {"a", "b"}), OutputHasher.hash(new String[] {"a", "b"}));
    }

    @Test
    void typeIsPartOfTheHash() {
        assertNotEquals(OutputHasher.hash(new int[] {1}), OutputHasher.hash(new long[] {1}));
        assertNotEquals(OutputHasher.hash(1), OutputHasher.hash(1L));
        assertNotEquals(OutputHasher.hash("1"), OutputHasher.hash(1));
    }

    @Test
    void listsAreOrderedSetsAndMapsAreNot() {
        assertEquals(OutputHasher.hash(List.of(1, 2)), OutputHasher.hash(new ArrayList<>(List.of(1, 2))));
        assertNotEquals(OutputHasher.hash(List.of(1, 2)), OutputHasher.hash(List.of(2, 1)));
        assertEquals(OutputHasher.hash(Set.of("a", "b", "c")), OutputHasher.hash(new LinkedHashSet<>(List.of("c", "a", "b"))));
        Map<String, Integer> hash = new HashMap<>(Map.of("x", 1, "y", 2));
        assertEquals(OutputHasher.hash(hash), OutputHasher.hash(new TreeMap<>(hash)));
        assertNotEquals(OutputHasher.hash(Map.of("x", 1)), OutputHasher.hash(Map.of("x", 2)));
    }

    @Test
    void recordsAndPlainObjectsHashStructurally() {
        assertEquals(OutputHasher.hash(new Point(1, 2)), OutputHasher.hash(new Point(1, 2)));
        assertNotEquals(OutputHasher.hash(new Point(1, 2)), OutputHasher.hash(new Point(2, 1)));
        assertEquals(OutputHasher.hash(new Plain(new int[] {5}, "a")), OutputHasher.hash(new Plain(new int[] {5}, "a")));
        assertNotEquals(OutputHasher.hash(new Plain(new int[] {5}, "a")), OutputHasher.hash(new Plain(new int[] {6}, "a")));
    }

    @Test
    void cyclesAreCut() {
        List<Object> a = new ArrayList<>();
        a.add(1);
        a.add(a);
        List<Object> b = new ArrayList<>();
        b.add(1);
        b.add(b);
        assertEquals(OutputHasher.hash(a), OutputHasher.hash(b));
    }

    @Test
    void valuesArePinnedSoHashesMatchAcrossJvms() {
        // Pinned on first computation: a change here breaks comparisons with stored baselines.
        assertEquals("08a2417b07c08ea7", OutputHasher.hex(OutputHasher.hash(new int[] {1, 2, 3})));
    }
}
