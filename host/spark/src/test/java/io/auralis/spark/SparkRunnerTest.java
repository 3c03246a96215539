package io.auralis.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import io.auralis.host.batch.DistributedRunner;
import io.auralis.host.workflow.SummaryScope;
import io.auralis.host.workflow.Workflow;
import io.auralis.host.workflow.WorkflowReader;
import io.auralis.host.workflow.WorkflowValidator;
import io.auralis.spark.executor.ExecutorPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkRunnerTest {
    private static final byte[] JSON = "{\"name\": \"levels\", \"steps\": [{\"id\": \"l\", \"extractor\": \"t.level\"}]}"
        .getBytes(StandardCharsets.UTF_8);

    private static final FeatureExtractor LEVEL = new FeatureExtractor() {
        @Override
        public ExtractorDescriptor descriptor() {
            ExtractorDescriptor d = new ExtractorDescriptor();
            d.id = "t.level";
            d.name = "Level";
            d.version = "1.0.0";
            d.outputs.add(new OutputDescriptor("level", "Level", "loudness", "dB", 1, SampleType.ONE_PER_BLOCK, true));
            return d;
        }

        @Override
        public ExtractorSession open(SessionContext context) throws ExtractionException {
            throw new ExtractionException("not for analysis");
        }
    };

    private static DistributedRunner.Job job(String master, String device) throws Exception {
        return job(master, device, null);
    }

    private static DistributedRunner.Job job(String master, String device, SummaryScope summary) throws Exception {
        Workflow workflow = new WorkflowValidator(List.of(LEVEL), List.of("jsonl"))
            .validate(new WorkflowReader().parse(JSON, "levels.json"), "levels.json");
        return new DistributedRunner.Job(master, null, summary == null ? workflow : workflow.summarised(summary), JSON,
            device, List.of("corpus"), "out", "csv-wide", summary, false, Path.of("/opt/auralis"), null);
    }

    @Test
    void theDeviceGivenToAnalyzeIsTheDeviceTheExecutorsStartTheirHostWith() throws Exception {
        assertEquals("gpu:1", SparkRunner.executorPlan(job("local[2]", "gpu:1"), true).device());
        assertEquals("cpu", SparkRunner.executorPlan(job("spark://127.0.0.1:7077", "cpu"), false).device());
    }

    @Test
    void theExecutorsGetTheWorkflowBytesTheDriverValidatedWithoutReadingAFile() throws Exception {
        ExecutorPlan plan = SparkRunner.executorPlan(job("local[2]", "auto"), true);
        assertArrayEquals(JSON, plan.workflowJson());
        assertEquals("levels.json", plan.workflowSource());
        assertEquals("levels", plan.workflowName());
        assertEquals("/opt/auralis", plan.home(), "in local mode executors use the driver's installation");
    }

    @Test
    void theExecutorsGetTheRunsFormatAndSummaryScopeBesideTheWorkflowBytes() throws Exception {
        ExecutorPlan plan = SparkRunner.executorPlan(job("local[2]", "auto", SummaryScope.FILE), true);
        assertEquals(SummaryScope.FILE, plan.summary());
        assertEquals("csv-wide", plan.format());
        assertArrayEquals(JSON, plan.workflowJson(), "the bytes stay those validated; the scope travels beside");
        assertNull(SparkRunner.executorPlan(job("local[2]", "auto"), true).summary());
    }
}
