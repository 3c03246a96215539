package io.auralis.host.workflow;

import java.util.List;

/**
 * A workflow that cannot be read or is not valid. Carries every problem found, one line each, so that a user fixes
 * them all in one go; the message is the first problem, followed by a count of the others.
 */
public class WorkflowException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The workflow file or name, as the user gave it. */
    private final String source;

    /** One line per problem. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param source the workflow file or name, for messages
     * @param problems one line per problem, without the source; at least one
     */
    public WorkflowException(String source, List<String> problems) {
        super(source + ": " + problems.get(0)
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for a single problem.
     *
     * @param source the workflow file or name, for messages
     * @param problem what is wrong
     */
    public WorkflowException(String source, String problem) {
        this(source, List.of(problem));
    }

    /**
     * The workflow file or name.
     *
     * @return as the user gave it
     */
    public String source() {
        return source;
    }

    /**
     * Every problem found.
     *
     * @return one line each, without the source
     */
    public List<String> problems() {
        return problems;
    }
}
