package dev.benchbook.regress;

/** Anything that holds a comparison with a baseline, so that plots and reports take the facade's report too. */
public interface RegressionSource {
    RegressionAnalysis analysis();
}
