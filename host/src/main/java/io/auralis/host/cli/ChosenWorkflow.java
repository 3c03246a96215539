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

/**
 * The workflow {@code analyze --workflow} names, found, read and validated once: a local run analyses with the
 * validated workflow, a distributed one hands its executors the very bytes that were validated, so the file is
 * neither looked up nor read a second time (and may change or vanish meanwhile without harm).
 *
 * @param workflow the validated workflow
 * @param json the bytes it was read from
 */
public record ChosenWorkflow(Workflow workflow, byte[] json) {

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
    public static ChosenWorkflow resolve(WorkflowLibrary library, String wanted, Path workingDirectory,
            Collection<FeatureExtractor> extractors, Set<String> formats) throws WorkflowException {
        Path file = library.resolve(wanted, workingDirectory);
        String source = file.startsWith(library.folder()) ? file.toString() : wanted;
        byte[] json = WorkflowReader.content(file, source);
        WorkflowDefinition definition = new WorkflowReader().read(file, source, json);
        return new ChosenWorkflow(new WorkflowValidator(extractors, formats).validate(definition, source), json);
    }
}
