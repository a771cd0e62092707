package dev.benchbook.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassShapeTest {
    private static byte[] classBytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aClassEqualsItself() throws IOException {
        byte[] b = classBytes(ClassShape.class);
        assertTrue(ClassShape.of(b).sameIgnoringDebugInfo(ClassShape.of(b.clone())));
        assertTrue(ClassShape.of(b).sameSignatures(ClassShape.of(b.clone())));
    }

    @Test
    void differentClassesDiffer() throws IOException {
        ClassShape a = ClassShape.of(classBytes(ClassShape.class));
        ClassShape b = ClassShape.of(classBytes(SnippetLoader.class));
        assertFalse(a.sameIgnoringDebugInfo(b));
        assertFalse(a.sameSignatures(b));
    }

    @Test
    void fieldsAreNoticed() throws IOException {
        assertTrue(ClassShape.of(classBytes(SnippetLoader.class)).hasFields());
        assertFalse(ClassShape.of(classBytes(Main.class)).hasFields());
    }

    @Test
    void garbageIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassShape.of(new byte[] {1, 2, 3}));
    }
}
