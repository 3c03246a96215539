package io.auralis.host.engine;

/**
 * Carries a failure out of a step's session, with the step it happened in, so that the record's error names it.
 */
final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String step;

    StepFailure(String step, Throwable cause) {
        super(step, cause, false, false);
        this.step = step;
    }

    String step() {
        return step;
    }
}
