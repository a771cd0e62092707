package dev.benchbook.xlang;

/**
 * One function's instruction counts in a callgrind profile.
 *
 * @param method the function's name as callgrind wrote it: demangled (valgrind's {@code --demangle=yes}), with
 *     a suffix such as {@code .constprop.0} when the compiler cloned it, {@code 0x...} when the object has no
 *     symbol for it, {@code (below main)} for the C start-up code that calls {@code main}
 * @param file the source file of the function's definition ({@code ???} without debug information); code
 *     inlined from other files counts for the function it was inlined into
 * @param object the ELF object (executable or shared library) the function is in
 * @param selfInstructions instructions executed in the function's own code (callgrind's {@code Ir}, self)
 * @param totalInstructions instructions executed in the function and everything it called (inclusive);
 *     see {@link CallgrindFile} for how recursion is handled
 * @param calls how many times the function was called (0 for an entry point, such as {@code _start})
 * @param recursive true when the function called itself directly
 */
public record CallgrindFunction(String method, String file, String object, long selfInstructions,
        long totalInstructions, long calls, boolean recursive) {

    /** The key that tells functions apart: the same name in two objects, or two files, is two functions. */
    String key() {
        return object + '\u0000' + file + '\u0000' + method;
    }
}
