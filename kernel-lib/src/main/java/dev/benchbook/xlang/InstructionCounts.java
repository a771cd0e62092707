package dev.benchbook.xlang;

import tech.tablesaw.api.Table;

/**
 * An implementation's instruction counts from one run under valgrind's callgrind with its cache
 * simulation: deterministic for a native program run with ASLR off and a fixed environment.
 *
 * @param instructions instructions executed (callgrind's {@code Ir})
 * @param l1Misses simulated first-level misses, instruction and data
 * @param llMisses simulated last-level misses, instruction and data
 * @param estimatedCycles {@code Ir + 10 × L1 misses + 100 × LL misses}, cachegrind's classic estimate
 * @param indicative true for JIT runtimes and interpreters, whose counts include the runtime's own work and
 *     vary with its compilation decisions
 * @param args the arguments the program was counted at
 * @param tool the valgrind version and the command line
 * @param functions per-function costs: method, self_instructions, self_pct, total_instructions, total_pct
 */
public record InstructionCounts(long instructions, long l1Misses, long llMisses, long estimatedCycles,
        boolean indicative, java.util.List<String> args, String tool, Table functions) {}
