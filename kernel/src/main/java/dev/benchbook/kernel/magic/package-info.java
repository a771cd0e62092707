/**
 * Magics: the {@code %name} lines and {@code %%name} cell headers that are not Java. {@link
 * dev.benchbook.kernel.magic.CellRunner} splits a cell into Java parts and magic calls ({@link
 * dev.benchbook.kernel.magic.CellParser}) and runs them in order; each magic is one small class
 * behind the {@link dev.benchbook.kernel.magic.Magic} interface, registered in {@link
 * dev.benchbook.kernel.magic.Magics}: dependencies ({@code %maven}, {@code %jars}, {@code
 * %classpath}), quick benchmarks through the DSL ({@code %%bench}, {@code %bench}), {@code %load},
 * {@code %%time} and {@code %lsmagic}. Magics reach the kernel only through {@link
 * dev.benchbook.kernel.magic.MagicSession}.
 */
package dev.benchbook.kernel.magic;
