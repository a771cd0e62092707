package dev.benchbook.kernel;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The parts of a class file that decide whether JShell's recompiled wrapper class may stand in for
 * the already loaded one: its bytes without debug attributes, and its member signatures.
 *
 * <p>Only the subset of the class-file format that JShell wrappers use needs to be understood; the
 * parser walks the constant pool, members and attributes and copies everything except line-number,
 * local-variable and source-file attributes.
 */
final class ClassShape {
    private static final Set<String> DEBUG_ATTRIBUTES = Set.of(
            "LineNumberTable", "LocalVariableTable", "LocalVariableTypeTable",
            "SourceFile", "SourceDebugExtension");

    private final byte[] withoutDebugInfo;
    private final List<String> signatures;
    private final boolean hasFields;

    private ClassShape(byte[] withoutDebugInfo, List<String> signatures, boolean hasFields) {
        this.withoutDebugInfo = withoutDebugInfo;
        this.signatures = signatures;
        this.hasFields = hasFields;
    }

    /** Parses a class file; throws {@link IllegalArgumentException} when it is not one. */
    static ClassShape of(byte[] classFile) {
        try {
            return new Parser(ByteBuffer.wrap(classFile)).parse();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable class file", e);
        }
    }

    /** True when both classes differ at most in debug attributes (line numbers move with imports). */
    boolean sameIgnoringDebugInfo(ClassShape other) {
        return Arrays.equals(withoutDebugInfo, other.withoutDebugInfo);
    }

    /** True when both declare the same supertypes, fields and methods, flags and descriptors included. */
    boolean sameSignatures(ClassShape other) {
        return signatures.equals(other.signatures);
    }

    /** True when the class declares at least one field, i.e. it holds state worth keeping. */
    boolean hasFields() {
        return hasFields;
    }

    private static final class Parser {
        private final ByteBuffer in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<String> signatures = new ArrayList<>();
        private String[] utf8;
        private int[] classNameIndex;

        Parser(ByteBuffer in) {
            this.in = in;
        }

        ClassShape parse() {
            copy(8); // magic, minor and major version
            int cpCount = u2();
            utf8 = new String[cpCount];
            classNameIndex = new int[cpCount];
            for (int i = 1; i < cpCount; i++) {
                i += constant(i);
            }
            copy(2); // access flags
            int thisClass = u2();
            int superClass = u2();
            signatures.add("class " + className(thisClass) + " extends " + className(superClass));
            int interfaces = u2();
            for (int i = 0; i < interfaces; i++) {
                signatures.add("implements " + className(u2()));
            }
            int fields = members("field");
            members("method");
            attributes();
            return new ClassShape(bytes.toByteArray(), List.copyOf(signatures), fields > 0);
        }

        /** Copies one constant; returns how many extra pool slots it takes. */
        private int constant(int index) {
            int tag = u1();
            switch (tag) {
                case 1 -> {
                    int length = u2();
                    byte[] text = new byte[length];
                    in.get(text);
                    write(text);
                    utf8[index] = new String(text, StandardCharsets.UTF_8);
                }
                case 7 -> classNameIndex[index] = u2();
                case 8, 16, 19, 20 -> copy(2);
                case 15 -> copy(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> copy(4);
                case 5, 6 -> {
                    copy(8);
                    return 1;
                }
                default -> throw new IllegalArgumentException("constant tag " + tag);
            }
            return 0;
        }

        private int members(String kind) {
            int count = u2();
            for (int i = 0; i < count; i++) {
                int access = u2();
                String name = utf8[u2()];
                String descriptor = utf8[u2()];
                signatures.add(kind + " " + access + " " + name + " " + descriptor);
                attributes();
            }
            return count;
        }

        /** Copies an attribute table minus debug attributes; the kept count trails the table. */
        private void attributes() {
            int count = in.getShort() & 0xFFFF;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int nameIndex = in.getShort() & 0xFFFF;
                int length = in.getInt();
                String name = utf8[nameIndex];
                int start = in.position();
                if (DEBUG_ATTRIBUTES.contains(name)) {
                    in.position(start + length);
                    continue;
                }
                kept++;
                if ("Code".equals(name)) {
                    write(nameIndex, 2);
                    copy(4); // max stack, max locals
                    int codeLength = u4();
                    copy(codeLength);
                    int exceptions = u2();
                    copy(exceptions * 8);
                    attributes();
                } else {
                    write(nameIndex, 2);
                    write(length, 4);
                    copy(length);
                }
            }
            write(kept, 2);
        }

        private String className(int classIndex) {
            return classIndex == 0 ? "-" : utf8[classNameIndex[classIndex]];
        }

        private int u1() {
            int v = in.get() & 0xFF;
            write(v, 1);
            return v;
        }

        private int u2() {
            int v = in.getShort() & 0xFFFF;
            write(v, 2);
            return v;
        }

        private int u4() {
            int v = in.getInt();
            write(v, 4);
            return v;
        }

        private void copy(int n) {
            byte[] chunk = new byte[n];
            in.get(chunk);
            write(chunk);
        }

        private void write(byte[] b) {
            bytes.write(b, 0, b.length);
        }

        private void write(int value, int width) {
            for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
                bytes.write(value >>> shift);
            }
        }
    }
}
