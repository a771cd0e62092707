/**
 * Maven dependencies for {@code %maven}: coordinates, the artifacts already on the kernel's class
 * path (read from each jar's {@code pom.properties}), and resolution with Maven's own resolver
 * (maven-resolver with the Maven 3 model, so parents, BOMs, exclusions and nearest-wins mediation
 * behave as in a Maven build) from the local repository and Maven Central. Failures become cell
 * errors that name the coordinate and the fix: not found, no network, version conflict.
 */
package dev.benchbook.kernel.maven;
