package io.auralis.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.host.fake.FakeExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDigestTest {
    private final FakeExtractor model = FakeExtractor.of("t.model").output("emotion", "emotion")
        .parameter(ParameterDescriptor.integer("batch", "Batch", "clips predicted together", null, 1, 256, 8)
            .performanceOnly())
        .parameter(ParameterDescriptor.number("hop", "Hop", "", "s", 0.1, 10, 1));

    private String digest(String parameters) throws WorkflowException {
        String json = ("{'name': 'w', 'steps': [{'id': 'm', 'extractor': 't.model', 'parameters': " + parameters
            + "}]}").replace('\'', '"');
        WorkflowDefinition d = new WorkflowReader().parse(json.getBytes(StandardCharsets.UTF_8), "w.json");
        return new WorkflowValidator(List.of(model), List.of("jsonl")).validate(d, "w.json").digest();
    }

    @Test
    void aParameterMarkedPerformanceOnlyDoesNotEnterTheDigestWhateverItsValue() throws Exception {
        String without = digest("{}");
        assertEquals(without, digest("{'batch': 1}"));
        assertEquals(without, digest("{'batch': 64}"));
    }

    @Test
    void aParameterThatChangesResultsStillChangesTheDigest() throws Exception {
        assertNotEquals(digest("{'hop': 0.5}"), digest("{'hop': 1.5}"));
        assertEquals(digest("{}"), digest("{'hop': 1}"), "a default written out is the default");
        assertNotEquals(digest("{'batch': 4, 'hop': 0.5}"), digest("{'batch': 4, 'hop': 1.5}"));
    }
}
