/**
 * How Benchbook objects show themselves in a notebook: the {@link
 * dev.benchbook.display.Displayable} contract that the kernel renders, HTML escaping, and the HTML
 * rendering of Tablesaw tables. Depends only on Tablesaw, never on the harness.
 */
package dev.benchbook.display;
