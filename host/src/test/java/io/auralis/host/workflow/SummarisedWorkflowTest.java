package io.auralis.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.SummaryFeatures;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.Workflows;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class SummarisedWorkflowTest {
    private final FakeExtractor seg = FakeExtractor.of("t.seg")
        .output("speech", "segment", SampleType.VARIABLE, "level")
        .output("silence", "segment", SampleType.VARIABLE, "level");
    private final FakeExtractor pitch = FakeExtractor.of("t.pitch")
        .output("f0", "pitch", SampleType.ONE_PER_BLOCK, "f0")
        .output("track", "pitch-track");

    private Workflow workflow(String outputs) throws Exception {
        return Workflows.of("{'steps': [{'id': 'segments', 'extractor': 't.seg'}, {'id': 'pitch', 'extractor': "
            + "'t.pitch'}], 'outputs': " + outputs + "}", seg, pitch);
    }

    @Test
    void everyOutputWithAFixedNumberOfValuesGetsASummaryAfterTheWorkflowsOutputs() throws Exception {
        Workflow w = workflow("['pitch.f0', 'pitch.track', 'segments.speech']").summarised(SummaryScope.FILE);
        assertEquals(List.of("pitch.f0", "pitch.track", "segments.speech", "pitch.f0:summary",
            "segments.speech:summary"), List.copyOf(w.outputs().keySet()));
        assertEquals(Map.of("pitch.f0:summary", "pitch.f0", "segments.speech:summary", "segments.speech"),
            w.summarisedOutputs());
        assertEquals(Optional.of(SummaryScope.FILE), w.summary());
        OutputDescriptor d = w.outputs().get("pitch.f0:summary");
        assertEquals(SummaryFeatures.KIND, d.kind);
        assertEquals(SampleType.VARIABLE, d.sampleType);
        assertEquals(1, d.binCount);
        assertTrue(d.description.contains("pitch.f0 over the file"), d.description);
    }

    @Test
    void segmentSummariesCoverTheFirstSegmentOutputTheRecordsCarry() throws Exception {
        Workflow w = workflow("['pitch.f0', 'segments.silence', 'segments.speech']");
        assertEquals(Optional.of("segments.silence"), w.segmentOutput());
        assertTrue(w.summarised(SummaryScope.SEGMENTS).outputs().get("pitch.f0:summary").description
            .contains("over the segments of segments.silence"));
    }

    @Test
    void segmentSummariesNeedASegmentOutput() throws Exception {
        Workflow w = workflow("['pitch.f0']");
        assertEquals(Optional.empty(), w.segmentOutput());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> w.summarised(SummaryScope.SEGMENTS));
        assertEquals("writes no output of kind segment (such as segments.speech) for the summaries to cover",
            e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.summarised(SummaryScope.FILE)
            .summarised(SummaryScope.FILE));
    }

    @Test
    void summariesAndTheirScopeChangeTheDigestSoThatResumingWithOthersIsRefused() throws Exception {
        Workflow w = workflow("['pitch.f0', 'segments.speech']");
        String plain = w.digest();
        String file = w.summarised(SummaryScope.FILE).digest();
        String segments = w.summarised(SummaryScope.SEGMENTS).digest();
        assertNotEquals(plain, file);
        assertNotEquals(file, segments);
        assertEquals(file, w.summarised(SummaryScope.FILE).digest());
    }

    @Test
    void scopesAreNamedAsTheFlagNamesThem() {
        assertEquals(Optional.of(SummaryScope.SEGMENTS), SummaryScope.of("segments"));
        assertEquals(Optional.of(SummaryScope.FILE), SummaryScope.of("file"));
        assertEquals(Optional.empty(), SummaryScope.of("speech"));
        assertEquals("segments", SummaryScope.SEGMENTS.option());
    }
}
