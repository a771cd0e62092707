package dev.benchbook.xlang;

import java.util.List;

/**
 * The languages a comparison knows how to build and run, with their default toolchains. Each default
 * can be overridden per implementation: flags given to {@code .implementation(name, language, source,
 * flags...)} replace the default flags (for C, C++ and Rust the compiler's, for Java the {@code java}
 * launcher's options, for Python and JavaScript the interpreter's).
 *
 * <table>
 * <caption>defaults</caption>
 * <tr><th>language</th><th>build</th><th>run</th></tr>
 * <tr><td>C</td><td>{@code gcc -O2 -o {out} {src} -lm}</td><td>{@code {out} {args}}</td></tr>
 * <tr><td>C++</td><td>{@code g++ -O2 -o {out} {src}}</td><td>{@code {out} {args}}</td></tr>
 * <tr><td>Rust</td><td>{@code rustc -C opt-level=3 -o {out} {src}}</td><td>{@code {out} {args}}</td></tr>
 * <tr><td>Java</td><td>{@code javac -d {out} {src}}</td><td>{@code java -cp {out} Main {args}} (default JIT)</td></tr>
 * <tr><td>Python</td><td>none</td><td>{@code python3 {src} {args}}</td></tr>
 * <tr><td>JavaScript</td><td>none</td><td>{@code node {src} {args}}</td></tr>
 * </table>
 */
public enum Language {
    C("c", "gcc", List.of("-O2"), false),
    CPP("c++", "g++", List.of("-O2"), false),
    RUST("rust", "rustc", List.of("-C", "opt-level=3"), false),
    JAVA("java", "javac", List.of(), true),
    PYTHON("python", "python3", List.of(), true),
    JAVASCRIPT("javascript", "node", List.of(), true);

    private final String label;
    private final String tool;
    private final List<String> defaultFlags;
    private final boolean managed;

    Language(String label, String tool, List<String> defaultFlags, boolean managed) {
        this.label = label;
        this.tool = tool;
        this.defaultFlags = defaultFlags;
        this.managed = managed;
    }

    /** The lower-case name shown in tables: {@code c}, {@code c++}, {@code rust}, ... */
    public String label() {
        return label;
    }

    /** The compiler (C, C++, Rust, Java) or interpreter (Python, JavaScript) the default build or run uses. */
    public String tool() {
        return tool;
    }

    /** The default flags, replaced by an implementation's own. */
    public List<String> defaultFlags() {
        return defaultFlags;
    }

    /** True when the program runs on a managed runtime (JIT or interpreter), whose instruction counts are indicative. */
    public boolean managedRuntime() {
        return managed;
    }

    /** True when a build step compiles the source before it runs. */
    public boolean compiled() {
        return this != PYTHON && this != JAVASCRIPT;
    }

    /**
     * The language of a name: its enum name or label, any case ({@code c}, {@code cpp}, {@code c++}, {@code rust},
     * {@code java}, {@code python}, {@code py}, {@code javascript}, {@code js}).
     *
     * @throws IllegalArgumentException naming the value and the names known
     */
    public static Language parse(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        for (Language l : values()) {
            if (l.label.equals(n) || l.name().toLowerCase(java.util.Locale.ROOT).equals(n)) {
                return l;
            }
        }
        return switch (n) {
            case "py", "python3" -> PYTHON;
            case "js", "node" -> JAVASCRIPT;
            case "cxx" -> CPP;
            case "rs" -> RUST;
            default -> throw new IllegalArgumentException("language '" + name + "' is not known; use one of c, cpp, "
                    + "rust, java, python, js");
        };
    }
}
