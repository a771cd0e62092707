package dev.benchbook.suites.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a project of Java sources in package {@value #PACKAGE} from a seeded {@link Random}: {@code classes}
 * top-level classes, each with one nested type and a few methods drawn from templates, some calling into
 * classes written before them. Each source compiles to exactly {@value #CLASS_FILES_PER_SOURCE} class files (no
 * anonymous or local classes, no switch on an enum; lambdas compile to no class file of their own).
 *
 * <p>Styles: {@code plain} classes with fields, loops, switches and string building, and {@code generic}
 * classes with bounded type parameters, a nested generic record, lambdas, method references and streams, where
 * javac spends its time on type inference.
 */
public final class ProjectGenerator {
    /** The package of every generated class. */
    public static final String PACKAGE = "gen";
    /** Class files per generated source: the class and its nested type. */
    public static final int CLASS_FILES_PER_SOURCE = 2;
    /** The styles {@link #generate} writes. */
    public static final List<String> STYLES = List.of("plain", "generic");

    /**
     * One source file.
     *
     * @param className the binary name, e.g. {@code gen.C3}
     * @param code the Java source
     */
    public record Source(String className, String code) {}

    private ProjectGenerator() {}

    /**
     * The project of {@code classes} sources in {@code style}.
     *
     * @throws IllegalArgumentException if {@code classes < 1} or the style is unknown
     */
    public static List<Source> generate(int classes, String style, Random r) {
        if (classes < 1) {
            throw new IllegalArgumentException("param classes=" + classes + ": must be >= 1; use e.g. 10");
        }
        List<Source> out = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            out.add(switch (style) {
                case "plain" -> plain(i, r);
                case "generic" -> generic(i, r);
                default -> throw new IllegalArgumentException("param style=\"" + style + "\": must be one of " + STYLES);
            });
        }
        return out;
    }

    private static Source plain(int i, Random r) {
        String c = "C" + i;
        StringBuilder b = new StringBuilder(2_048);
        b.append("package ").append(PACKAGE).append(";\n\nimport java.util.ArrayList;\nimport java.util.List;\n\n")
                .append("public final class ").append(c).append(" {\n")
                .append("    private final int id;\n    private final String name;\n")
                .append("    private final List<String> tags = new ArrayList<>();\n    private long total;\n\n")
                .append("    public ").append(c).append("(int id, String name) {\n")
                .append("        this.id = id;\n        this.name = name;\n        tags.add(name + id);\n    }\n\n")
                .append("    public int id() {\n        return id;\n    }\n\n")
                .append("    public String name() {\n        return name;\n    }\n\n");
        int methods = 3 + r.nextInt(4);
        for (int m = 0; m < methods; m++) {
            int k = 1 + r.nextInt(997);
            b.append("    public long m").append(m).append("(int x) {\n");
            int template = m == 0 ? 0 : r.nextInt(i > 0 ? 5 : 4);
            switch (template) {
                case 0 -> b.append("        long acc = ").append(k).append(";\n")
                        .append("        for (int i = 0; i < x; i++) {\n")
                        .append("            if ((i & 3) == ").append(k & 3).append(") {\n")
                        .append("                acc += i * ").append(k).append("L;\n")
                        .append("            } else {\n                acc ^= i;\n            }\n        }\n")
                        .append("        switch (x % 3) {\n            case 0:\n                acc += ").append(k % 11)
                        .append(";\n                break;\n            case 1:\n                acc -= 7;\n")
                        .append("                break;\n            default:\n                acc *= 3;\n        }\n")
                        .append("        total += acc;\n        return acc;\n");
                case 1 -> b.append("        StringBuilder sb = new StringBuilder(name);\n")
                        .append("        for (String t : tags) {\n            sb.append(',').append(t).append(x);\n")
                        .append("        }\n        return sb.length() + ").append(k).append("L;\n");
                case 2 -> b.append("        int[] a = new int[x & 63];\n")
                        .append("        for (int i = 0; i < a.length; i++) {\n            a[i] = i * ").append(k)
                        .append(";\n        }\n        long s = 0;\n        for (int v : a) {\n            s += v;\n")
                        .append("        }\n        return s;\n");
                case 3 -> b.append("        return new Part(x + ").append(k).append(").scaled(id) + total;\n");
                default -> b.append("        return new C").append(r.nextInt(i)).append("(x, name).m0(x) + ").append(k)
                        .append(";\n");
            }
            b.append("    }\n\n");
        }
        b.append("    public static final class Part {\n        private final int weight;\n\n")
                .append("        Part(int weight) {\n            this.weight = weight;\n        }\n\n")
                .append("        long scaled(int k) {\n            return (long) weight * k + ").append(r.nextInt(100))
                .append(";\n        }\n    }\n}\n");
        return new Source(PACKAGE + "." + c, b.toString());
    }

    private static Source generic(int i, Random r) {
        String c = "G" + i;
        StringBuilder b = new StringBuilder(2_048);
        b.append("package ").append(PACKAGE).append(";\n\n")
                .append("import java.util.ArrayList;\nimport java.util.Comparator;\nimport java.util.HashMap;\n")
                .append("import java.util.List;\nimport java.util.Map;\nimport java.util.Optional;\n")
                .append("import java.util.TreeMap;\nimport java.util.function.Function;\n")
                .append("import java.util.function.Predicate;\nimport java.util.stream.Collectors;\n\n")
                .append("public final class ").append(c).append("<T extends Comparable<T>> {\n")
                .append("    public record Entry<K>(K key, int value) {}\n\n")
                .append("    private final List<T> items = new ArrayList<>();\n\n")
                .append("    public ").append(c).append("<T> add(T t) {\n        items.add(t);\n        return this;\n    }\n\n")
                .append("    public Map<Integer, List<String>> m0(List<String> words) {\n")
                .append("        return words.stream().filter(w -> w.length() > ").append(r.nextInt(6))
                .append(").map(String::toUpperCase)\n")
                .append("                .collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.toList()));\n")
                .append("    }\n\n");
        int methods = 2 + r.nextInt(4);
        for (int m = 1; m <= methods; m++) {
            int k = 1 + r.nextInt(997);
            switch (r.nextInt(i > 0 ? 5 : 4)) {
                case 0 -> b.append("    public <R> List<R> m").append(m).append("(Function<? super T, ? extends R> f) {\n")
                        .append("        return items.stream().map(f).collect(Collectors.toList());\n    }\n\n");
                case 1 -> b.append("    public int m").append(m).append("(List<Entry<String>> es) {\n")
                        .append("        return es.stream().filter(e -> e.value() > ").append(k)
                        .append(").mapToInt(Entry::value).sum();\n    }\n\n");
                case 2 -> b.append("    public Optional<T> m").append(m).append("(Predicate<? super T> p) {\n")
                        .append("        return items.stream().filter(p).max(Comparator.naturalOrder());\n    }\n\n");
                case 3 -> b.append("    public Map<String, Integer> m").append(m).append("(List<Entry<String>> es) {\n")
                        .append("        Map<String, Integer> m = new HashMap<>();\n")
                        .append("        es.forEach(e -> m.merge(e.key() + ").append(k).append(", e.value(), Integer::sum));\n")
                        .append("        return m;\n    }\n\n");
                default -> b.append("    public int m").append(m).append("(List<String> words) {\n")
                        .append("        return new G").append(r.nextInt(i)).append("<String>().add(\"k").append(k)
                        .append("\").m0(words).values().stream().mapToInt(List::size).sum();\n    }\n\n");
            }
        }
        b.append("}\n");
        return new Source(PACKAGE + "." + c, b.toString());
    }
}
