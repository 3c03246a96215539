package io.auralis.host.fake;

import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowException;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Workflows from JSON text, for tests.
 */
public final class Workflows {

    private Workflows() {
    }

    /**
     * Reads and validates a workflow, with quotes written as apostrophes for readable test code.
     *
     * @param json the workflow, with {@code '} for {@code "}
     * @param extractors the installed extractors
     * @return the validated workflow
     * @throws WorkflowException if it is not valid
     */
    public static Workflow of(String json, FeatureExtractor... extractors) throws WorkflowException {
        byte[] text = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        return new WorkflowValidator(List.of(extractors), List.of("jsonl", "csv"))
            .validate(new WorkflowReader().parse(text, "test.json"), "test.json");
    }
}
