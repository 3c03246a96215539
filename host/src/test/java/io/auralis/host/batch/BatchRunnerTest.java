package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.InputFile;
import io.auralis.api.audio.AudioBlock;
import io.auralis.api.command.Command;
import io.auralis.api.command.InputFile;
import io.auralis.api.command.InputFiles;
import io.auralis.api.command.UsageException;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.RecordSink;
import io.auralis.host.engine.FileAnalyzer;
import io.auralis.host.fake.EndsLater;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.NamedPipes;
import io.auralis.host.fake.Workflows;
import io.auralis.host.workflow.Workflow;
import io.auralis.testkit.FakeDecoder;
import io.auralis.writers.jsonl.JsonLinesWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class BatchRunnerTest {
    @TempDir
    Path dir;

    private final FakeDecoder decoder = new FakeDecoder();

    /** Emits one value per block; throws for files whose name contains "boom". */
    private final FakeExtractor level = FakeExtractor.of("t.level").output("level", "loudness").framing(800, 400)
        .sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                if (c.source().contains("boom")) {
                    throw new IllegalStateException("kaput in " + c.source());
                }
                sink.emit("level", Feature.of(block.startTime(), block.duration(), block.samples()[0] / 1000f));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });

    private List<InputFile> corpus() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = String.format("corpus/%02d.wav", i);
            FakeDecoder.write(dir.resolve(name), "frames=" + (4000 + 977 * i) + " rate=48000 channels=2");
            names.add(name);
        }
        FakeDecoder.write(dir.resolve("corpus/04-boom.wav"), "frames=5000");
        FakeDecoder.write(dir.resolve("corpus/07-not-audio.wav"), "reject");
        try {
            return InputFiles.collect(List.of("corpus"), dir, w -> { });
        } catch (UsageException e) {
            throw new IllegalStateException(e);
        }
    }

    private BatchResult run(List<InputFile> inputs, int workers, RecordSink sink) throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'l','extractor':'t.level'}]}", level);
        RecordOutputs outputs = new RecordOutputs(List.of(new RecordOutputs.Target("test", sink, Set.of())));
        BatchResult result = new BatchRunner(new FileAnalyzer(w, decoder), workers).run(inputs, outputs,
            new ProgressLines(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                () -> 0L, Long.MAX_VALUE));
        outputs.close();
        return result;
    }

    private byte[] runToJsonl(List<InputFile> inputs, int workers, String file) throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'l','extractor':'t.level'}]}", level);
        Path out = dir.resolve(file);
        run(inputs, workers, new JsonLinesWriter().open(out, w.outputs(), false));
        return Files.readAllBytes(out);
    }

    @Test
    void aFileTheDecoderRejectsAndAFileAnExtractorFailsOnDoNotStopTheOthers() throws Exception {
        List<FileRecord> written = Collections.synchronizedList(new ArrayList<>());
        List<InputFile> inputs = corpus();

        BatchResult r = run(inputs, 3, collecting(written));

        assertEquals(14, written.size(), "one record per input");
        assertEquals(inputs.stream().map(InputFile::name).toList(), written.stream().map(f -> f.file).toList(),
            "records follow the input order");
        FileRecord boom = written.stream().filter(f -> f.file.equals("corpus/04-boom.wav")).findFirst().orElseThrow();
        assertTrue(boom.error.startsWith("corpus/04-boom.wav: step 'l': IllegalStateException: kaput in "
            + "corpus/04-boom.wav at "), boom.error);
        FileRecord reject = written.stream().filter(f -> f.file.equals("corpus/07-not-audio.wav")).findFirst()
            .orElseThrow();
        assertEquals("corpus/07-not-audio.wav: not an audio file (fake)", reject.error);
        assertEquals(12, written.stream().filter(FileRecord::ok).count());
        assertEquals(12, r.ok());
        assertEquals(2, r.failed());
        assertEquals(14, r.files());
        assertEquals(Command.PARTIAL_FAILURE, r.exitCode());
        double audio = written.stream().mapToDouble(f -> f.duration).sum();
        assertEquals(5000 / 16000.0, boom.duration, 1e-12, "a file an extractor fails on was read: its duration counts");
        assertEquals(0.0, reject.duration);
        assertEquals(audio, r.audioSeconds(), 1e-9);
        assertTrue(r.summary().startsWith("analysed 14 files: 12 ok, 2 failed; "), r.summary());
        assertEquals(decoder.opened.get(), decoder.closed.get(), "every stream closed");
    }

    @Test
    void recordsAreTheSameBytesWhateverTheNumberOfWorkers() throws Exception {
        List<InputFile> inputs = corpus();
        byte[] one = runToJsonl(inputs, 1, "one.jsonl");
        byte[] four = runToJsonl(inputs, 4, "four.jsonl");
        byte[] sixteen = runToJsonl(inputs, 16, "sixteen.jsonl");
        assertArrayEquals(one, four);
        assertArrayEquals(one, sixteen);
        assertEquals(14, new String(one, StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aBatchWithoutFailuresExitsWithZero() throws Exception {
        List<InputFile> inputs = corpus().stream().filter(f -> !f.name().contains("-")).toList();
        BatchResult r = run(inputs, 2, collecting(new ArrayList<>()));
        assertEquals(Command.OK, r.exitCode());
        assertEquals(12, r.ok());
    }

    @Test
    void anOutputThatFailsStopsTheBatchAndSaysWhy() throws Exception {
        List<FileRecord> written = new ArrayList<>();
        RecordSink full = new RecordSink() {
            @Override
            public void write(FileRecord record) throws IOException {
                if (written.size() == 3) {
                    throw new IOException("out.jsonl: No space left on device");
                }
                written.add(record);
            }

            @Override
            public void close() {
            }
        };
        BatchResult r = run(corpus(), 2, full);
        assertEquals("out.jsonl: No space left on device", r.writeError());
        assertEquals(3, r.files());
        assertEquals(Command.PARTIAL_FAILURE, r.exitCode());
        assertFalse(r.interrupted());
    }

    @Test
    void anInterruptionKeepsWrittenRecordsWholeAndDropsTheRest() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch twoWritten = new CountDownLatch(2);
        FakeExtractor slow = FakeExtractor.of("t.slow").output("v", "k").sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
                if (c.source().endsWith("02.wav")) {
                    slowStarted.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        throw new ExtractionException("interrupted");
                    }
                }
                sink.emit("v", Feature.of(block.startTime(), 0, 1));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });
        Workflow w = Workflows.of("{'steps':[{'id':'s','extractor':'t.slow'}]}", slow);
        Path out = dir.resolve("r.jsonl");
        RecordSink file = new JsonLinesWriter().open(out, w.outputs(), false);
        RecordSink counting = new RecordSink() {
            @Override
            public void write(FileRecord record) throws IOException {
                file.write(record);
                twoWritten.countDown();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
        RecordOutputs outputs = new RecordOutputs(List.of(new RecordOutputs.Target("r.jsonl", counting, Set.of())));
        BatchRunner runner = new BatchRunner(new FileAnalyzer(w, decoder), 2);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        ProgressLines progress = new ProgressLines(errStream, () -> 0L, Long.MAX_VALUE);
        List<InputFile> inputs = corpus();
        ExecutorService main = Executors.newSingleThreadExecutor();
        try {
            Future<BatchResult> batch = main.submit(() -> runner.run(inputs, outputs, progress));
            slowStarted.await();
            twoWritten.await();

            new Interruption(runner, outputs, progress, errStream, true).run();
            BatchResult r = batch.get();

            assertTrue(r.interrupted());
            assertEquals(2, r.files());
            List<String> lines = Files.readAllLines(out);
            assertEquals(2, lines.size());
            assertTrue(Files.readString(out).endsWith("\n"), "no torn line");
            assertEquals(Set.of("corpus/00.wav", "corpus/01.wav"), new JsonLinesWriter().completed(out));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("auralis: interrupted; every record written is "
                + "complete; run the same command with --resume to analyse the rest"));
        } finally {
            main.shutdownNow();
        }
    }

    /** Never returns for files whose name contains "stuck", deaf to interrupts, until {@code release} opens. */
    private FakeExtractor stuckOn(CountDownLatch release) {
        return FakeExtractor.of("t.stuck").output("v", "k").sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                while (c.source().contains("stuck")) {
                    try {
                        if (release.await(1, TimeUnit.DAYS)) {
                            break;
                        }
                    } catch (InterruptedException e) {
                        // Stuck for good: ignores the watchdog's interrupt, as a native call would.
                    }
                }
                sink.emit("v", Feature.of(block.startTime(), 0, 1));
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });
    }

    @Test
    void aFileWhoseExtractorNeverReturnsBecomesAnErrorRecordWhenItsTimeIsUpAndTheBatchGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeDecoder.write(dir.resolve("corpus/03-stuck.wav"), "frames=5000");
        FakeDecoder.write(dir.resolve("corpus/09-stuck.wav"), "frames=5000");
        List<InputFile> inputs = corpus();
        Workflow w = Workflows.of("{'steps':[{'id':'s','extractor':'t.stuck'}]}", stuckOn(release));
        List<FileRecord> written = Collections.synchronizedList(new ArrayList<>());
        RecordOutputs outputs = new RecordOutputs(List.of(new RecordOutputs.Target("test", collecting(written),
            Set.of())));
        try {
            // One worker: a stuck file that kept its thread would stop everything after it.
            BatchResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new BatchRunner(new FileAnalyzer(w, decoder), 1, FileTimeout.fixed(0.5)).run(inputs, outputs,
                    new ProgressLines(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        () -> 0L, Long.MAX_VALUE)),
                "the batch hung on a stuck file");

            assertEquals(inputs.stream().map(InputFile::name).toList(), written.stream().map(f -> f.file).toList(),
                "every input has its record, in order");
            for (String stuck : List.of("corpus/03-stuck.wav", "corpus/09-stuck.wav")) {
                FileRecord record = written.stream().filter(f -> f.file.equals(stuck)).findFirst().orElseThrow();
                assertEquals(stuck + ": not finished after 0.5 s (--file-timeout); abandoned: a pipe or device that "
                    + "never delivers, or an extractor that does not return", record.error);
            }
            assertEquals(inputs.size(), r.files());
            assertEquals(3, r.failed(), "the two stuck files and the one the decoder rejects");
            assertEquals(Command.PARTIAL_FAILURE, r.exitCode());
        } finally {
            release.countDown();
        }
    }

    @Test
    void anInterruptionDoesNotWaitForAFileThatIsStuck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeDecoder.write(dir.resolve("corpus/00-stuck.wav"), "frames=5000");
        Workflow w = Workflows.of("{'steps':[{'id':'s','extractor':'t.stuck'}]}", stuckOn(release));
        RecordOutputs outputs = new RecordOutputs(List.of(new RecordOutputs.Target("test",
            collecting(new ArrayList<>()), Set.of())));
        BatchRunner runner = new BatchRunner(new FileAnalyzer(w, decoder), 2);
        List<InputFile> inputs = corpus();
        ExecutorService main = Executors.newSingleThreadExecutor();
        try {
            Future<BatchResult> batch = main.submit(() -> runner.run(inputs, outputs, new ProgressLines(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> 0L, Long.MAX_VALUE)));
            Thread.sleep(200);
            runner.stop();
            BatchResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> batch.get(),
                "stop() waited for a stuck file");
            assertTrue(r.interrupted());
        } finally {
            release.countDown();
            main.shutdownNow();
        }
    }

    @Test
    void aNamedPipeSwappedInForAFileIsAnErrorRecordInsteadOfBlockingTheBatch() throws Exception {
        List<InputFile> inputs = corpus();
        Path swapped = dir.resolve("corpus/05.wav");
        Files.delete(swapped);
        NamedPipes.mkfifo(swapped);
        List<FileRecord> written = Collections.synchronizedList(new ArrayList<>());

        BatchResult r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(inputs, 2, collecting(written)),
            "the batch blocked on a named pipe");

        FileRecord pipe = written.stream().filter(f -> f.file.equals("corpus/05.wav")).findFirst().orElseThrow();
        assertEquals("corpus/05.wav: not a regular file (a named pipe, device or socket); refused, since reading it "
            + "could wait forever", pipe.error);
        assertEquals(inputs.size(), r.files());
    }

    @Test
    void aRecordThatAnOutputCannotEncodeIsThatFilesErrorAndNoInputGoesMissing() throws Exception {
        List<FileRecord> written = new ArrayList<>();
        RecordSink hugeFails = new RecordSink() {
            @Override
            public void write(FileRecord record) {
                if (record.file.equals("corpus/02.wav") && record.ok()) {
                    // What encoding a 37-hour file's record whole in memory did.
                    throw new OutOfMemoryError("Java heap space");
                }
                written.add(record);
            }

            @Override
            public void close() {
            }
        };
        List<InputFile> inputs = corpus();

        BatchResult r = run(inputs, 3, hugeFails);

        assertEquals(inputs.stream().map(InputFile::name).toList(), written.stream().map(f -> f.file).toList());
        FileRecord huge = written.get(2);
        assertEquals("corpus/02.wav: its record could not be written: ran out of memory (Java heap space)",
            huge.error);
        assertEquals(5954 / 16000.0, huge.duration, 1e-9, "what was learnt of the file stays");
        assertEquals(inputs.size(), r.files());
        assertEquals(3, r.failed());
        assertEquals(Command.PARTIAL_FAILURE, r.exitCode());
    }

    /**
     * The corpus through a workflow of {@link EndsLater} with one worker, on a thread of its own: the setup every
     * test of steps that end later shares. Closing it stops the batch's thread.
     */
    private final class EndingLaterBatch implements AutoCloseable {
        final EndsLater later = new EndsLater();
        final Workflow workflow = Workflows.of("{'steps':[{'id':'n','extractor':'t.later'}]}", later.extractor());
        final List<InputFile> inputs;
        final List<String> audio;
        /** The records, when the batch was started without a sink of its own. */
        final List<FileRecord> written = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService main = Executors.newSingleThreadExecutor();
        private Future<BatchResult> batch;

        EndingLaterBatch() throws Exception {
            inputs = corpus();
            audio = audioFiles(inputs);
        }

        /** Starts the batch with records going to {@link #written}. */
        EndingLaterBatch start(int awaitingSamples, FileTimeout timeout) throws Exception {
            return start(collecting(written), awaitingSamples, timeout);
        }

        EndingLaterBatch start(RecordSink sink, int awaitingSamples, FileTimeout timeout) throws Exception {
            RecordOutputs outputs = new RecordOutputs(List.of(new RecordOutputs.Target("test", sink, Set.of())));
            BatchRunner runner = new BatchRunner(new FileAnalyzer(workflow, decoder), 1, timeout, awaitingSamples);
            batch = main.submit(() -> runner.run(inputs, outputs, new ProgressLines(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> 0L,
                Long.MAX_VALUE)));
            return this;
        }

        /** Checks that {@link #written} holds one record per input, in the inputs' order. */
        void assertWrittenInInputOrder() {
            assertEquals(inputs.stream().map(InputFile::name).toList(), written.stream().map(f -> f.file).toList());
        }

        /** The record written for a file. */
        FileRecord writtenFor(String file) {
            return written.stream().filter(f -> f.file.equals(file)).findFirst().orElseThrow();
        }

        /** Waits for the batch, 60 s at most. */
        BatchResult result() throws Exception {
            return batch.get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            main.shutdownNow();
        }
    }

    private static List<String> audioFiles(List<InputFile> inputs) {
        return inputs.stream().map(InputFile::name).filter(n -> !n.contains("not-audio")).toList();
    }

    @Test
    void aWorkerGoesOnToTheNextFileWhileItsStepsEndLaterAndRecordsStayInOrderAndEqualToEndingAtOnce()
        throws Exception {
        Path out = dir.resolve("later.jsonl");
        List<InputFile> inputs;
        try (EndingLaterBatch b = new EndingLaterBatch()) {
            inputs = b.inputs;
            RecordSink file = new JsonLinesWriter().open(out, b.workflow.outputs(), false);
            b.start(file, BatchRunner.AWAITING_SAMPLES, FileTimeout.byDuration());
            // One worker, and every file is decoded and handed over before any has ended.
            for (String name : b.audio) {
                b.later.awaitEnding(name);
            }
            assertEquals(b.audio, b.later.opened());
            assertEquals(List.of(), b.later.closed());
            // Ended last to first, from another thread, as a model's batches may finish.
            List<String> lastFirst = new ArrayList<>(b.audio);
            Collections.reverse(lastFirst);
            Thread ender = new Thread(() -> lastFirst.forEach(b.later::end));
            ender.start();
            BatchResult r = b.result();
            ender.join();
            assertEquals(inputs.size(), r.files());
            assertEquals(1, r.failed(), "the file the decoder rejects");
            file.close();
        }

        // The same corpus with every session finishing at once: an upstream step is not let to end later.
        FakeExtractor tail = FakeExtractor.of("t.tail").output("x", "k").input("in", "k", false)
            .sessions(c -> new ExtractorSession() {
                @Override
                public void process(AudioBlock block, FeatureSink sink) {
                }

                @Override
                public void finish(FeatureSink sink) {
                }
            });
        Workflow atOnce = Workflows.of("{'steps':[{'id':'n','extractor':'t.later'},"
            + "{'id':'t','extractor':'t.tail','inputs':{'in':'n.n'}}],'outputs':['n.n']}", new EndsLater().extractor(),
            tail);
        Path reference = dir.resolve("at-once.jsonl");
        RecordOutputs outputs = new RecordOutputs(List.of(new RecordOutputs.Target("test",
            new JsonLinesWriter().open(reference, atOnce.outputs(), false), Set.of())));
        new BatchRunner(new FileAnalyzer(atOnce, decoder), 1).run(inputs, outputs, new ProgressLines(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> 0L, Long.MAX_VALUE));
        outputs.close();
        assertEquals(Files.readString(reference), Files.readString(out));
    }

    @Test
    void aStageThatFailsIsThatFilesErrorAndTheOtherFilesAreWritten() throws Exception {
        try (EndingLaterBatch b = new EndingLaterBatch().start(BatchRunner.AWAITING_SAMPLES, FileTimeout.byDuration())) {
            for (String name : b.audio) {
                b.later.awaitEnding(name);
                if (name.equals("corpus/03.wav")) {
                    b.later.fail(name, "emotion inference failed: the batch ran out of memory");
                } else {
                    b.later.end(name);
                }
            }
            BatchResult r = b.result();

            b.assertWrittenInInputOrder();
            assertEquals("corpus/03.wav: step 'n': emotion inference failed: the batch ran out of memory",
                b.writtenFor("corpus/03.wav").error);
            assertEquals(2, r.failed(), "the failed stage and the file the decoder rejects");
            assertEquals(b.inputs.size() - 2, r.ok());
        }
    }

    @Test
    void filesAwaitingTheirStepsHoldNoMoreAudioThanTheCapAndThenAWorkerWaitsForItsOwn() throws Exception {
        // corpus/00 to 02 are 4000, 4977 and 5954 frames at 48 kHz: 1334 to 1985 samples at 16 kHz, each counted
        // as a second, 16000; room for three
        try (EndingLaterBatch b = new EndingLaterBatch().start(3 * 16000, FileTimeout.byDuration())) {
            b.later.awaitEnding("corpus/03.wav");
            // Give the runner time to start another file, which it must not: the cap is full and the one worker
            // waits for corpus/03 itself.
            Thread.sleep(300);
            assertEquals(b.audio.subList(0, 4), b.later.opened(), "three awaiting and the worker's own");
            assertEquals(List.of(), b.written);
            Thread ender = new Thread(() -> {
                try {
                    for (String name : b.audio) {
                        b.later.awaitEnding(name);
                        b.later.end(name);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ender.start();
            BatchResult r = b.result();
            ender.join();
            b.assertWrittenInInputOrder();
            assertEquals(b.inputs.size() - 1, r.ok());
        }
    }

    @Test
    void aFileWhoseStepsNeverEndBecomesAnErrorRecordWhenItsTimeIsUpAndTheBatchGoesOn() throws Exception {
        try (EndingLaterBatch b = new EndingLaterBatch().start(BatchRunner.AWAITING_SAMPLES, FileTimeout.fixed(0.5))) {
            for (String name : b.audio) {
                b.later.awaitEnding(name);
                if (!name.equals("corpus/05.wav")) {
                    b.later.end(name);
                }
            }
            BatchResult r = b.result();

            b.assertWrittenInInputOrder();
            FileRecord stuck = b.writtenFor("corpus/05.wav");
            assertTrue(stuck.error.startsWith("corpus/05.wav: not finished after 0.5 s (--file-timeout)"), stuck.error);
            assertEquals(2, r.failed());
        }
    }

    @Test
    void theDefaultFileTimeoutGrowsWithTheFilesDuration() throws Exception {
        FileTimeout byDuration = FileTimeout.byDuration();
        assertEquals(300e9, byDuration.limitNanos(0), 1);
        assertEquals(3900e9, byDuration.limitNanos(3600), 1, "an hour's file gets an hour more");
        assertEquals(2e9, FileTimeout.fixed(2).limitNanos(3600), 1);
        assertEquals("analyze: --file-timeout must be a number of seconds more than 0, not '0'",
            org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> FileTimeout.parse("0"))
                .getMessage());
    }

    @Test
    void progressLinesComeAtMostOncePerIntervalAndFailuresAtOnce() {
        long[] now = {0};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressLines p = new ProgressLines(new PrintStream(err, true, StandardCharsets.UTF_8), () -> now[0],
            10_000_000_000L);
        p.start(4);
        now[0] = 5_000_000_000L;
        p.fileDone(record("a.wav", 1800, null));
        now[0] = 12_000_000_000L;
        p.fileDone(record("b.wav", 1800, "b.wav: not audio"));
        now[0] = 13_000_000_000L;
        p.fileDone(record("c.wav", 1800, null));
        p.fileDone(record("d.wav", 1800, null));
        p.close();
        assertEquals(List.of("auralis: b.wav: not audio",
            "auralis: 2 of 4 files (50%), 1.00 h of audio, 1 failed, about 12.0 s left"),
            err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static FileRecord record(String file, double duration, String error) {
        FileRecord r = new FileRecord();
        r.file = file;
        r.duration = duration;
        r.error = error;
        return r;
    }

    private static RecordSink collecting(List<FileRecord> into) {
        return new RecordSink() {
            @Override
            public void write(FileRecord record) {
                into.add(record);
            }

            @Override
            public void close() {
            }
        };
    }
}
