/**
 * The {@code ml} suite: k-means++ (commons-math3) and logistic regression (batch gradient descent, and
 * commons-math3's nonlinear conjugate gradient) on a seeded dataset ({@link dev.benchbook.suites.ml.Dataset});
 * {@link dev.benchbook.suites.ml.LogisticRegression} is the model.
 */
package dev.benchbook.suites.ml;
