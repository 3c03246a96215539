package io.auralis.host.cli;

import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The workflow {@code analyze --workflow} names, found, read and validated once: a local run analyses with the
 * validated workflow, a distributed one hands its executors the very bytes that were validated, so the file is
 * neither looked up nor read a second time (and may change or vanish meanwhile without harm).
 *
 * @param workflow the validated workflow
 * @param json the bytes it was read from
 */
record ChosenWorkflow(Workflow workflow, byte[] json) {

    /**
     * Finds, reads and validates a workflow.
     *
     * @param library the installation's workflows
     * @param wanted a file, or the name of one in the library
     * @param workingDirectory what a relative file resolves against
     * @param extractors the extractors steps may name
     * @param formats the writer formats the workflow's writers may name
     * @return the workflow and its text
     * @throws WorkflowException for a workflow that is missing, unreadable or invalid (every problem)
     */
    static ChosenWorkflow resolve(WorkflowLibrary library, String wanted, Path workingDirectory,
            Collection<FeatureExtractor> extractors, Set<String> formats) throws WorkflowException {
        return resolve(library, wanted, workingDirectory, extractors, formats, definition -> { });
    }

    /**
     * Finds, reads, adjusts and validates a workflow: live input's changes are checked like the file's own.
     *
     * @param library the installation's workflows
     * @param wanted a file, or the name of one in the library
     * @param workingDirectory what a relative file resolves against
     * @param extractors the extractors steps may name
     * @param formats the writer formats the workflow's writers may name
     * @param adjust changes the definition before it is validated
     * @return the workflow and its text (as read, before the change)
     * @throws WorkflowException for a workflow that is missing, unreadable or invalid (every problem)
     */
    static ChosenWorkflow resolve(WorkflowLibrary library, String wanted, Path workingDirectory,
            Collection<FeatureExtractor> extractors, Set<String> formats, Consumer<WorkflowDefinition> adjust)
            throws WorkflowException {
        Path file = library.resolve(wanted, workingDirectory);
        String source = file.startsWith(library.folder()) ? file.toString() : wanted;
        byte[] json = WorkflowReader.content(file, source);
        WorkflowDefinition definition = new WorkflowReader().read(file, source, json);
        adjust.accept(definition);
        return new ChosenWorkflow(new WorkflowValidator(extractors, formats).validate(definition, source), json);
    }
}
