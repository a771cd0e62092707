package dev.benchbook.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The hash of a benchmark's code, so that a comparison can tell "the code got slower" from "the benchmark
 * measures something else now". It covers the benchmark's body and the suite's setup: their bytecode
 * without debug information (moving a lambda to another line changes nothing), the lambdas they create in
 * turn, and the values they capture when those are numbers, strings or booleans. What the body calls in
 * other methods and classes, the code under test, is deliberately outside it: changing that is what a
 * regression check is for.
 *
 * <p>The DSL's functional interfaces are {@link Serializable}, which makes the compiler record where each
 * lambda's body lives; the bytes are read from the lambda's class loader (JShell's serves its snippets').
 * JShell wrapper names ({@code $JShell$12}) are normalised, since re-running a cell renames them. When the
 * bytes cannot be read, the benchmark has no hash and comparisons skip the check.
 */
public final class SourceHash {
    private static final Pattern JSHELL = Pattern.compile("\\$JShell\\$\\d+");

    private SourceHash() {}

    /** Per benchmark, its hash (16 hex digits); benchmarks whose code could not be read are left out. */
    public static Map<String, String> of(SuiteSpec spec) {
        String setup = spec.setup() == null ? "" : text(spec.setup());
        Map<String, String> out = new LinkedHashMap<>();
        if (setup == null) {
            return out;
        }
        for (BenchmarkSpec b : spec.benchmarks()) {
            String body = b.body() instanceof Command c ? "command " + String.join("\u0000", c.argv()) : text(b.body());
            if (body != null) {
                out.put(b.name(), sha(b.shape() + "\n" + body + "\nsetup\n" + setup));
            }
        }
        return out;
    }

    /** The canonical text of {@code fn}'s code, or null when it cannot be read. */
    static String text(Object fn) {
        try {
            SerializedLambda lambda = serialized(fn);
            ClassLoader loader = fn.getClass().getClassLoader();
            StringBuilder sb = new StringBuilder();
            if (lambda != null) {
                for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                    Object arg = lambda.getCapturedArg(i);
                    if (arg instanceof Number || arg instanceof String || arg instanceof Boolean
                            || arg instanceof Character) {
                        sb.append("captured ").append(arg.getClass().getSimpleName()).append(' ').append(arg)
                                .append('\n');
                    }
                }
                return code(loader, lambda.getImplClass(), lambda.getImplMethodName(),
                        lambda.getImplMethodSignature(), sb) ? normalise(sb) : null;
            }
            // A class implementing the interface: hash its single abstract method's implementation.
            Class<?> c = fn.getClass();
            if (c.isHidden() || c.isSynthetic()) {
                return null;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic() && !m.isBridge() && (m.getName().equals("run") || m.getName().equals("setUp")
                        || m.getName().equals("tearDown"))) {
                    return code(loader, c.getName().replace('.', '/'), m.getName(),
                            org.objectweb.asm.Type.getMethodDescriptor(m), sb) ? normalise(sb) : null;
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            return null;
        }
    }

    private static SerializedLambda serialized(Object fn) throws ReflectiveOperationException {
        if (!(fn instanceof Serializable)) {
            return null;
        }
        try {
            Method m = fn.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            Object r = m.invoke(fn);
            return r instanceof SerializedLambda s ? s : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Appends the canonical text of {@code owner.name desc} and of the synthetic lambda methods it reaches
     * in the same class. Returns false when the class file cannot be read.
     */
    private static boolean code(ClassLoader loader, String owner, String name, String desc, StringBuilder out)
            throws IOException {
        byte[] bytes = bytes(loader, owner);
        if (bytes == null) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(name + desc);
        while (!todo.isEmpty()) {
            String next = todo.poll();
            if (!seen.add(next)) {
                continue;
            }
            out.append("method ").append(next.startsWith("lambda$") ? "lambda" : next).append('\n');
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String n, String d, String sig, String[] exceptions) {
                    if (!(n + d).equals(next)) {
                        return null;
                    }
                    return new Canonical(out, owner, todo);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        return true;
    }

    private static byte[] bytes(ClassLoader loader, String internalName) throws IOException {
        ClassLoader l = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        try (InputStream in = l.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String normalise(StringBuilder sb) {
        return JSHELL.matcher(sb).replaceAll("\\$JShell\\$");
    }

    private static String sha(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return dev.benchbook.format.Hex.of(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Writes each instruction as a line; labels by order of appearance; follows same-class lambdas. */
    private static final class Canonical extends MethodVisitor {
        private final StringBuilder out;
        private final String owner;
        private final Deque<String> todo;
        private final Map<Label, Integer> labels = new LinkedHashMap<>();

        Canonical(StringBuilder out, String owner, Deque<String> todo) {
            super(Opcodes.ASM9);
            this.out = out;
            this.owner = owner;
            this.todo = todo;
        }

        private String label(Label l) {
            return "L" + labels.computeIfAbsent(l, k -> labels.size());
        }

        private void follow(String o, String n, String d) {
            if (o.equals(owner) && n.startsWith("lambda$")) {
                todo.add(n + d);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            out.append(opcode).append('\n');
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            out.append(opcode).append(' ').append(operand).append('\n');
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            out.append(opcode).append(" v").append(var).append('\n');
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            out.append(opcode).append(' ').append(type).append('\n');
        }

        @Override
        public void visitFieldInsn(int opcode, String o, String n, String d) {
            out.append(opcode).append(' ').append(o).append('.').append(n).append(' ').append(d).append('\n');
        }

        @Override
        public void visitMethodInsn(int opcode, String o, String n, String d, boolean itf) {
            out.append(opcode).append(' ').append(o).append('.').append(n.startsWith("lambda$") ? "lambda" : n)
                    .append(d).append('\n');
            follow(o, n, d);
        }

        @Override
        public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
            out.append("indy ").append(n).append(d).append(' ').append(bsm.getOwner()).append('.').append(bsm.getName());
            for (Object a : args) {
                if (a instanceof Handle h) {
                    out.append(' ').append(h.getOwner()).append('.')
                            .append(h.getName().startsWith("lambda$") ? "lambda" : h.getName()).append(h.getDesc());
                    follow(h.getOwner(), h.getName(), h.getDesc());
                } else {
                    out.append(' ').append(a);
                }
            }
            out.append('\n');
        }

        @Override
        public void visitJumpInsn(int opcode, Label l) {
            out.append(opcode).append(' ').append(label(l)).append('\n');
        }

        @Override
        public void visitLabel(Label l) {
            out.append(label(l)).append(":\n");
        }

        @Override
        public void visitLdcInsn(Object value) {
            out.append("ldc ").append(value.getClass().getSimpleName()).append(' ').append(value).append('\n');
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            out.append("iinc v").append(var).append(' ').append(increment).append('\n');
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... ls) {
            out.append("tableswitch ").append(min).append(' ').append(max).append(' ').append(label(dflt));
            for (Label l : ls) {
                out.append(' ').append(label(l));
            }
            out.append('\n');
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] ls) {
            out.append("lookupswitch ").append(label(dflt));
            for (int i = 0; i < keys.length; i++) {
                out.append(' ').append(keys[i]).append(':').append(label(ls[i]));
            }
            out.append('\n');
        }

        @Override
        public void visitMultiANewArrayInsn(String d, int dims) {
            out.append("multianewarray ").append(d).append(' ').append(dims).append('\n');
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            out.append("try ").append(label(start)).append(' ').append(label(end)).append(' ').append(label(handler))
                    .append(' ').append(type).append('\n');
        }
    }
}
