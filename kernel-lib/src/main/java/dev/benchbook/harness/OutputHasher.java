package dev.benchbook.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A structural 64-bit hash of a benchmark's output, stable across JVMs and runs.
 *
 * <p>Values are hashed by content: boxed primitives and strings by value, arrays and lists in
 * order, sets and maps independently of iteration order, records by their components, enums by
 * name, and other objects by their own {@code hashCode()} when they override it, else by their
 * fields. A type tag is mixed in, so {@code int[]{1}} and {@code long[]{1}} differ. Object graphs
 * with cycles are cut at the repeated object. It is not cryptographic and is slow compared with
 * most benchmarks, so the harness calls it outside the timed region only.
 */
public final class OutputHasher {
    private static final long SEED = 0x2545F4914F6CDD1DL;
    private static final int MAX_DEPTH = 64;

    private final IdentityHashMap<Object, Boolean> visiting = new IdentityHashMap<>();

    private OutputHasher() {}

    /** The structural hash of {@code value}. */
    public static long hash(Object value) {
        return new OutputHasher().of(value, 0);
    }

    private long of(Object v, int depth) {
        if (v == null) {
            return mix(SEED, 0x6E756C6CL);
        }
        if (depth > MAX_DEPTH) {
            return tag(v.getClass().getName());
        }
        Long scalar = scalar(v);
        if (scalar != null) {
            return scalar;
        }
        if (visiting.put(v, Boolean.TRUE) != null) {
            return mix(tag("cycle"), 1);
        }
        try {
            return composite(v, depth);
        } finally {
            visiting.remove(v);
        }
    }

    private static Long scalar(Object v) {
        if (v instanceof String s) {
            return text("String", s);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return mix(tag(v.getClass().getSimpleName()), ((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return mix(tag("Double"), Double.doubleToLongBits(d));
        }
        if (v instanceof Float f) {
            return mix(tag("Float"), Float.floatToIntBits(f));
        }
        if (v instanceof Character c) {
            return mix(tag("Character"), c);
        }
        if (v instanceof Boolean b) {
            return mix(tag("Boolean"), b ? 1 : 0);
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            return text(v.getClass().getSimpleName(), v.toString());
        }
        if (v instanceof CharSequence cs) {
            return text("CharSequence", cs.toString());
        }
        if (v instanceof Enum<?> e) {
            return text(e.getDeclaringClass().getName(), e.name());
        }
        if (v instanceof Class<?> c) {
            return text("Class", c.getName());
        }
        return null;
    }

    private long composite(Object v, int depth) {
        Class<?> type = v.getClass();
        if (type.isArray()) {
            return array(v, depth);
        }
        if (v instanceof Map<?, ?> m) {
            long acc = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                acc += mix(of(e.getKey(), depth + 1), of(e.getValue(), depth + 1));
            }
            return mix(mix(tag("Map"), m.size()), acc);
        }
        if (v instanceof Set<?> s) {
            long acc = 0;
            for (Object o : s) {
                acc += mix(SEED, of(o, depth + 1));
            }
            return mix(mix(tag("Set"), s.size()), acc);
        }
        if (v instanceof Collection<?> c) {
            long h = mix(tag("List"), c.size());
            for (Object o : c) {
                h = mix(h, of(o, depth + 1));
            }
            return h;
        }
        if (v instanceof Optional<?> o) {
            return mix(tag("Optional"), of(o.orElse(null), depth + 1));
        }
        if (type.isRecord()) {
            long h = tag(type.getName());
            for (RecordComponent rc : type.getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    h = mix(h, of(rc.getAccessor().invoke(v), depth + 1));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    h = mix(h, tag(rc.getName()));
                }
            }
            return h;
        }
        if (overridesHashCode(type)) {
            return mix(tag(type.getName()), v.hashCode());
        }
        return fields(v, type, depth);
    }

    private long fields(Object v, Class<?> type, int depth) {
        long h = tag(type.getName());
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    h = mix(h, of(f.get(v), depth + 1));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // A field the module system hides: its name still keeps the shape in the hash.
                    h = mix(h, tag(f.getName()));
                }
            }
        }
        return h;
    }

    private long array(Object v, int depth) {
        if (v instanceof int[] a) {
            long h = mix(tag("int[]"), a.length);
            for (int x : a) {
                h = mix(h, x);
            }
            return h;
        }
        if (v instanceof long[] a) {
            long h = mix(tag("long[]"), a.length);
            for (long x : a) {
                h = mix(h, x);
            }
            return h;
        }
        if (v instanceof double[] a) {
            long h = mix(tag("double[]"), a.length);
            for (double x : a) {
                h = mix(h, Double.doubleToLongBits(x));
            }
            return h;
        }
        if (v instanceof byte[] a) {
            long h = mix(tag("byte[]"), a.length);
            for (byte x : a) {
                h = mix(h, x);
            }
            return h;
        }
        if (v instanceof char[] a) {
            long h = mix(tag("char[]"), a.length);
            for (char x : a) {
                h = mix(h, x);
            }
            return h;
        }
        if (v instanceof float[] a) {
            long h = mix(tag("float[]"), a.length);
            for (float x : a) {
                h = mix(h, Float.floatToIntBits(x));
            }
            return h;
        }
        if (v instanceof short[] a) {
            long h = mix(tag("short[]"), a.length);
            for (short x : a) {
                h = mix(h, x);
            }
            return h;
        }
        if (v instanceof boolean[] a) {
            long h = mix(tag("boolean[]"), a.length);
            for (boolean x : a) {
                h = mix(h, x ? 1 : 0);
            }
            return h;
        }
        Object[] a = (Object[]) v;
        long h = mix(tag("Object[]"), a.length);
        for (Object x : a) {
            h = mix(h, of(x, depth + 1));
        }
        return h;
    }

    private static boolean overridesHashCode(Class<?> type) {
        try {
            return type.getMethod("hashCode").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static long text(String kind, String s) {
        long h = mix(tag(kind), s.length());
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return h;
    }

    private static long tag(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Order-dependent combination of an accumulated hash with one more value (a SplitMix64 finaliser). */
    static long mix(long h, long x) {
        long z = h * 0x9E3779B97F4A7C15L + x;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Hex text of a hash, 16 digits, as tables show it. */
    public static String hex(long hash) {
        return dev.benchbook.format.Hex.of(hash);
    }

}
