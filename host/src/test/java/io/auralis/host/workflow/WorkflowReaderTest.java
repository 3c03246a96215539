package io.auralis.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class WorkflowReaderTest {
    @TempDir
    Path dir;

    private final WorkflowReader reader = new WorkflowReader();

    private String problem(String json) throws Exception {
        Path file = Files.writeString(dir.resolve("w.json"), json.replace('\'', '"'));
        WorkflowException e = assertThrows(WorkflowException.class, () -> reader.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(1, e.problems().size());
        return e.problems().get(0);
    }

    @Test
    void readsAWorkflowAndNamesItAfterItsFileWhenItHasNoName() throws Exception {
        Path file = Files.writeString(dir.resolve("pitch-only.json"), "{\"sampleRate\": 22050, \"steps\": [{\"id\": "
            + "\"p\", \"extractor\": \"auralis.pitch\", \"parameters\": {\"minFrequency\": 70}, \"blockSize\": 2048}],"
            + " \"outputs\": [\"p.f0\"], \"writers\": [{\"format\": \"csv\", \"path\": \"out.csv\"}]}");
        WorkflowDefinition d = reader.read(file);
        assertEquals("pitch-only", d.name);
        assertEquals(22050, d.sampleRate);
        assertEquals("auralis.pitch", d.steps.get(0).extractor);
        assertEquals(70, d.steps.get(0).parameters.get("minFrequency").intValue());
        assertEquals(2048, d.steps.get(0).blockSize);
        assertEquals(List.of("p.f0"), d.outputs);
        assertEquals("out.csv", d.writers.get(0).path);
    }

    @Test
    void anUnknownPropertyIsNamedWithWhereItIsAndWhatIsKnown() throws Exception {
        assertEquals("line 2, column 58: unknown property \"paramters\" in steps[0] (known: id, extractor, comment, "
            + "parameters, inputs, blockSize, stepSize)",
            problem("{'steps': [\n  {'id': 'p', 'extractor': 'auralis.pitch', 'paramters': {}}]}"));
        assertEquals("line 1, column 12: unknown property \"output\" in the workflow (known: name, description, "
            + "comment, sampleRate, steps, outputs, writers)", problem("{'output': []}"));
    }

    @Test
    void commentsAreNotesOfOneLineOrManyOnTheWorkflowAndItsSteps() throws Exception {
        Path file = Files.writeString(dir.resolve("w.json"), ("{'comment': 'why this workflow', 'steps': [{'id': 'p', "
            + "'extractor': 'auralis.pitch', 'comment': ['what p does', 'its parameters']}]}").replace('\'', '"'));
        WorkflowDefinition d = reader.read(file);
        assertEquals(List.of("why this workflow"), d.comment);
        assertEquals(List.of("what p does", "its parameters"), d.steps.get(0).comment);
        assertEquals("line 1, column 13: comment: expected a string", problem("{'comment': 3}").replaceAll(
            "comment\\[0\\]", "comment"));
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() throws Exception {
        String p = problem("{'steps': [\n  {'id': 'p',, 'extractor': 'x'}]}");
        assertEquals("line 2, column 14: Unexpected character (',' (code 44)): was expecting double-quote to start "
            + "field name", p);
    }

    @Test
    void aValueOfTheWrongJsonTypeSaysWhatWasExpected() throws Exception {
        assertEquals("line 1, column 16: sampleRate: expected a whole number", problem("{'sampleRate': '16000'}"));
        assertEquals("line 1, column 11: steps: expected an array", problem("{'steps': {}}"));
        assertEquals("line 1, column 58: steps[0].inputs.a: expected a string",
            problem("{'steps': [{'id': 'x', 'extractor': 'y', 'inputs': {'a': 3}}]}"));
        assertEquals("line 1, column 37: steps[0].blockSize: expected a whole number",
            problem("{'steps': [{'id': 'x', 'blockSize': 1024.5}]}"));
    }

    @Test
    void duplicateKeysAndTrailingTextAreErrors() throws Exception {
        assertEquals("line 1, column 31: Duplicate field 'sampleRate'", problem("{'sampleRate': 1, 'sampleRate': 2}"));
        assertEquals("line 1, column 4: more JSON after the end of the workflow", problem("{} {}"));
    }

    @Test
    void emptyAndMissingFilesAreOneLineEach() throws Exception {
        assertEquals("empty file: expected a workflow (a JSON object)", problem("  "));
        WorkflowException e = assertThrows(WorkflowException.class, () -> reader.read(dir.resolve("nope.json")));
        assertEquals(List.of("no such file"), e.problems());
    }
}
