package dev.benchbook.kernel;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps notebook code from ending the kernel's JVM. Every class the kernel defines for notebook
 * code (snippets, and classes of jars that cells added) is rewritten as it is loaded: calls to
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, direct or through a method
 * reference, call this class instead, which throws {@link ExitRefusedError}; the cell fails with a
 * clear error and the kernel, with every variable, lives on.
 *
 * <p>Why bytecode and not a {@code SecurityManager}: a security manager is consulted by file, socket,
 * reflection and thread operations all over the JDK, so installing one would change the very code
 * paths that notebooks benchmark (and JDK 18+ refuses it without {@code
 * -Djava.security.manager=allow}). The rewrite costs nothing at run time and touches only classes
 * that mention an exit. Its limit: reflection ({@code Method.invoke} of {@code System.exit}), JNI,
 * and the kernel's own jars are not rewritten.
 */
public final class ExitGuard {
    private static final String GUARD = "dev/benchbook/kernel/ExitGuard";
    private static final String RUNTIME_DESC = "(Ljava/lang/Runtime;I)V";
    private static final byte[][] MARKERS = {"exit".getBytes(StandardCharsets.UTF_8),
        "halt".getBytes(StandardCharsets.UTF_8)};

    private ExitGuard() {
    }

    /** Thrown where notebook code called an exit. An {@code Error}, so {@code catch (Exception e)} does not swallow it. */
    public static final class ExitRefusedError extends Error {
        private static final long serialVersionUID = 1L;

        ExitRefusedError(String call, int status) {
            super(call + "(" + status + ") refused: it would stop the kernel and lose every variable; to end the cell"
                    + " early throw an exception, to restart use the notebook's Kernel > Restart");
        }
    }

    /** Stands in for {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitRefusedError("System.exit", status);
    }

    /** Stands in for {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.exit", status);
    }

    /** Stands in for {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitRefusedError("Runtime.halt", status);
    }

    /**
     * {@code classFile} with its exit calls redirected here; the very same array when it has none
     * (most classes: they are recognised without parsing).
     */
    static byte[] instrument(byte[] classFile) {
        if (!contains(classFile, MARKERS[0]) && !contains(classFile, MARKERS[1])) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Redirect(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** Rewrites exit calls and method handles in one method. */
    private static final class Redirect extends MethodVisitor {
        private final boolean[] changed;

        Redirect(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String target = target(owner, name, descriptor, opcode == Opcodes.INVOKESTATIC);
            if (target == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            changed[0] = true;
            // invokevirtual Runtime.exit(I)V and invokestatic ExitGuard.runtimeExit(Runtime, I)V take the same stack.
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, target,
                    owner.equals("java/lang/System") ? descriptor : RUNTIME_DESC, false);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
            Object[] copy = args.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = handle(copy[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, copy);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(handle(value));
        }

        private Object handle(Object value) {
            if (!(value instanceof Handle h)) {
                return value;
            }
            String target = target(h.getOwner(), h.getName(), h.getDesc(), h.getTag() == Opcodes.H_INVOKESTATIC);
            if (target == null) {
                return value;
            }
            changed[0] = true;
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, target,
                    h.getOwner().equals("java/lang/System") ? h.getDesc() : RUNTIME_DESC, false);
        }
    }

    /** The guard method standing in for this call, or {@code null} when it is no exit. */
    private static String target(String owner, String name, String descriptor, boolean isStatic) {
        if (!descriptor.equals("(I)V")) {
            return null;
        }
        if (isStatic && owner.equals("java/lang/System") && name.equals("exit")) {
            return "exit";
        }
        if (!isStatic && owner.equals("java/lang/Runtime")) {
            return name.equals("exit") ? "runtimeExit" : name.equals("halt") ? "runtimeHalt" : null;
        }
        return null;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
