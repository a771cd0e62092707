package dev.benchbook.harness;

/** The flag a running timed loop polls; set to stop it mid-batch. */
final class LoopControl {
    volatile boolean stop;
}
