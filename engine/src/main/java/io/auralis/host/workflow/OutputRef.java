package io.auralis.host.workflow;

/**
 * A reference to one output of one step, written {@code step.output} in workflows and used as the key of a
 * record's outputs. Step ids hold no dot, so the first dot separates the two.
 *
 * @param step the step id
 * @param output the output id within the step's extractor
 */
public record OutputRef(String step, String output) {

    /**
     * Parses {@code step.output}.
     *
     * @param text the reference
     * @return the reference, or {@code null} when the text is not of that form
     */
    public static OutputRef parse(String text) {
        if (text == null) {
            return null;
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return null;
        }
        return new OutputRef(text.substring(0, dot), text.substring(dot + 1));
    }

    /**
     * The reference as written in workflows.
     *
     * @return {@code step.output}
     */
    @Override
    public String toString() {
        return step + "." + output;
    }
}
