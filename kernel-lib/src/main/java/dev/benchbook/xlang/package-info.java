/**
 * Cross-language comparisons (work in progress): the languages and their default toolchains, toolchain
 * lookup and version probing, and output validation. Building, interleaved timing and the summary are
 * not written yet.
 */
package dev.benchbook.xlang;
