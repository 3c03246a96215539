package io.auralis.host.cli;

import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.host.workflow.GeneratedWorkflows;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowDefinition;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowLibrary;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The workflow {@code analyze --workflow} names (or {@code --extractor} lists), found, read and validated once: a
 * local run analyses with the validated workflow, a distributed one hands its executors the very bytes that were
 * validated, so the file is neither looked up nor read a second time (and may change or vanish meanwhile without
 * harm).
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
     * @param validator checks it against the installed extractors and writers
     * @return the workflow and its text
     * @throws WorkflowException for a workflow that is missing, unreadable or invalid (every problem)
     */
    public static ChosenWorkflow resolve(WorkflowLibrary library, String wanted, Path workingDirectory,
            WorkflowValidator validator) throws WorkflowException {
        return resolve(library, wanted, workingDirectory, validator, definition -> { });
    }

    /**
     * Finds, reads, adjusts and validates a workflow: live input's changes are checked like the file's own.
     *
     * @param library the installation's workflows
     * @param wanted a file, or the name of one in the library
     * @param workingDirectory what a relative file resolves against
     * @param validator checks it against the installed extractors and writers
     * @param adjust changes the definition before it is validated
     * @return the workflow and its text (as read, before the change)
     * @throws WorkflowException for a workflow that is missing, unreadable or invalid (every problem)
     */
    static ChosenWorkflow resolve(WorkflowLibrary library, String wanted, Path workingDirectory,
            WorkflowValidator validator, Consumer<WorkflowDefinition> adjust) throws WorkflowException {
        Path file = library.resolve(wanted, workingDirectory);
        String source = file.startsWith(library.folder()) ? file.toString() : wanted;
        byte[] json = WorkflowReader.content(file, source);
        WorkflowDefinition definition = new WorkflowReader().read(file, source, json);
        adjust.accept(definition);
        return new ChosenWorkflow(validator.validate(definition, source), json);
    }

    /**
     * The workflow of {@code --extractor a,b}, written as JSON and read back like a file, so that it is exactly the
     * workflow that file would be, and a distributed run ships it as it ships a file.
     *
     * @param ids the extractor ids as listed
     * @param extractors the installed extractors
     * @param validator checks it against the installed extractors and writers
     * @return the workflow and its text
     * @throws WorkflowException for an input that cannot be bound unambiguously, or any validation problem
     */
    static ChosenWorkflow oneShot(List<String> ids, Collection<FeatureExtractor> extractors,
            WorkflowValidator validator) throws WorkflowException {
        String source = GeneratedWorkflows.ONE_SHOT_SOURCE;
        byte[] json = GeneratedWorkflows.json(GeneratedWorkflows.oneShot(ids, extractors));
        return new ChosenWorkflow(validator.validate(new WorkflowReader().parse(json, source), source), json);
    }
}
