package io.auralis.host.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.output.FileRecord;
import io.auralis.host.fake.EndsLater;
import io.auralis.host.fake.FakeExtractor;
import io.auralis.host.fake.Workflows;
import io.auralis.host.workflow.Workflow;
import io.auralis.testkit.FakeDecoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class FileAnalyzerTest {
    @TempDir
    Path dir;

    private final FakeDecoder decoder = new FakeDecoder();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /** A session that logs every call; upstream ones emit one feature per block on {@code out}. */
    private final class Logging implements ExtractorSession {
        private final String name;
        private final boolean emits;
        private final boolean emitsOnConsume;

        Logging(String name, boolean emits, boolean emitsOnConsume) {
            this.name = name;
            this.emits = emits;
            this.emitsOnConsume = emitsOnConsume;
        }

        @Override
        public void process(AudioBlock block, FeatureSink sink) {
            log.add(name + ".process " + block.startFrame() + "+" + block.length());
            if (emits) {
                sink.emit("out", Feature.of(block.startTime(), block.duration(), block.startFrame()));
            }
        }

        @Override
        public void consume(String input, Feature feature, FeatureSink sink) {
            log.add(name + ".consume " + input + " " + (long) feature.values[0]);
            if (emitsOnConsume) {
                sink.emit("out", feature);
            }
        }

        @Override
        public void finish(FeatureSink sink) {
            log.add(name + ".finish");
            if (emits) {
                sink.emit("out", Feature.of(99, 0, -1));
            }
        }

        @Override
        public void close() {
            log.add(name + ".close");
        }
    }

    private FakeExtractor logging(String id, boolean emits, boolean emitsOnConsume) {
        String name = id.substring(id.indexOf('.') + 1);
        return FakeExtractor.of(id).output("out", "k").input("in", "k", false).framing(1000, 1000)
            .sessions(c -> new Logging(name, emits, emitsOnConsume));
    }

    private FileRecord analyze(Workflow w, String spec) throws IOException {
        Path file = FakeDecoder.write(dir.resolve("f.wav"), spec);
        return new FileAnalyzer(w, decoder).analyze(file, "f.wav");
    }

    @Test
    void theWatcherLearnsTheStatedDurationOnceTheFileIsOpenAndMoreAsLongerAudioArrives() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up'}]}", logging("t.up", true, false));
        List<Double> told = Collections.synchronizedList(new ArrayList<>());
        Path file = FakeDecoder.write(dir.resolve("f.wav"), "frames=32000");
        FileRecord r = new FileAnalyzer(w, decoder).analyze(file, "f.wav", told::add);
        assertNull(r.error);
        assertEquals(List.of(2.0), told, "the stated duration, and no more since the audio is no longer");
    }

    @Test
    void aNamedPipeOrAFolderIsRefusedBeforeTheDecoderCouldBlockOnIt() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up'}]}", logging("t.up", true, false));
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("folder.wav"));
        FileRecord r = new FileAnalyzer(w, decoder).analyze(folder, "folder.wav");
        assertEquals("folder.wav: is a folder, not an audio file", r.error);
        assertEquals(0, decoder.opened.get(), "the decoder was never asked");
    }

    @Test
    void downstreamConsumesWhatUpstreamEmittedDuringABlockRightAfterItsOwnProcessOfThatBlock() throws Exception {
        // Declared downstream first: the engine orders by inputs, not by the file.
        Workflow w = Workflows.of("{'steps':[{'id':'down','extractor':'t.down','inputs':{'in':'up.out'}},"
            + "{'id':'up','extractor':'t.up'}]}", logging("t.up", true, false), logging("t.down", false, false));

        FileRecord r = analyze(w, "frames=2500");

        assertNull(r.error);
        assertEquals(List.of(
            "up.process 0+1000", "down.process 0+1000", "down.consume in 0",
            "up.process 1000+1000", "down.process 1000+1000", "down.consume in 1000",
            "up.process 2000+500", "down.process 2000+500", "down.consume in 2000",
            "up.finish", "down.consume in -1", "down.finish",
            "up.close", "down.close"), log);
    }

    @Test
    void featuresEmittedDuringConsumeReachTheNextStepInTheSameBlock() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'a','extractor':'t.a'},"
            + "{'id':'b','extractor':'t.b','inputs':{'in':'a.out'}},"
            + "{'id':'c','extractor':'t.c','inputs':{'in':'b.out'}}]}",
            logging("t.a", true, false), logging("t.b", false, true), logging("t.c", false, false));

        analyze(w, "frames=1000");

        assertEquals(List.of("a.process 0+1000", "b.process 0+1000", "b.consume in 0", "c.process 0+1000",
            "c.consume in 0", "a.finish", "b.consume in -1", "b.finish", "c.consume in -1", "c.finish",
            "a.close", "b.close", "c.close"), log);
    }

    @Test
    void aConsumerWithLongerBlocksGetsUpstreamFeaturesOnlyOnceItHasProcessedTheAudioTheyCameFrom() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up','blockSize':1000},"
            + "{'id':'down','extractor':'t.down','blockSize':3000,'inputs':{'in':'up.out'}}]}",
            logging("t.up", true, false), logging("t.down", false, false));

        analyze(w, "frames=6000");

        assertEquals(List.of(
            "up.process 0+1000", "up.process 1000+1000", "up.process 2000+1000",
            "down.process 0+3000", "down.consume in 0", "down.consume in 1000", "down.consume in 2000",
            "up.process 3000+1000", "up.process 4000+1000", "up.process 5000+1000",
            "down.process 3000+3000", "down.consume in 3000", "down.consume in 4000", "down.consume in 5000",
            "up.finish", "down.consume in -1", "down.finish", "up.close", "down.close"), log);
    }

    @Test
    void aConsumerWithShorterBlocksWaitsForTheEndOfTheUpstreamBlock() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up','blockSize':2000},"
            + "{'id':'down','extractor':'t.down','blockSize':1000,'inputs':{'in':'up.out'}}]}",
            logging("t.up", true, false), logging("t.down", false, false));

        analyze(w, "frames=3000");

        assertEquals(List.of(
            "down.process 0+1000",
            "up.process 0+2000", "down.process 1000+1000", "down.consume in 0",
            "up.process 2000+1000", "down.process 2000+1000", "down.consume in 2000",
            "up.finish", "down.consume in -1", "down.finish", "up.close", "down.close"), log);
    }

    @Test
    void aWholeFileUpstreamFeedsAFramedConsumerAfterTheConsumersLastBlock() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up','blockSize':0},"
            + "{'id':'down','extractor':'t.down','inputs':{'in':'up.out'}}]}",
            logging("t.up", true, false), logging("t.down", false, false));

        analyze(w, "frames=3000");

        assertEquals(List.of(
            "down.process 0+1000", "down.process 1000+1000",
            "up.process 0+3000", "down.process 2000+1000", "down.consume in 0",
            "up.finish", "down.consume in -1", "down.finish", "up.close", "down.close"), log);
    }

    @Test
    void smallBlocksFromLargeReadsAreAllThereInOrder() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("blocks", "k").framing(10, 3);
        decoder.maxRead = 100_000;
        FileRecord r = analyze(Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}]}", echo), "frames=20000");
        List<String> blocks = blocks(r, "e.blocks");
        // Starts 0, 3, ..., 19989 hold 10 samples; 19992 is the first to reach the end, with 8.
        assertEquals(6665, blocks.size());
        for (int i = 0; i < blocks.size() - 1; i++) {
            assertEquals((3 * i) + " 10 " + (3 * i) + " " + (3 * i + 9), blocks.get(i));
        }
        assertEquals("19992 8 19992 19999", blocks.get(blocks.size() - 1));
    }

    @Test
    void overlappingBlocksHoldTheRightSamplesAndTheLastIsShortNotPadded() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("blocks", "k").framing(1024, 512);
        Workflow w = Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}]}", echo);
        decoder.maxRead = 700;

        FileRecord r = analyze(w, "frames=2500");

        // Blocks start every 512 samples; the one starting at 1536 reaches the end (964 samples) and is the last:
        // a block at 2048 would hold only samples it already covered.
        assertEquals(List.of("0 1024 0 1023", "512 1024 512 1535", "1024 1024 1024 2047", "1536 964 1536 2499"),
            blocks(r, "e.blocks"));
        Feature last = r.outputs.get("e.blocks").get(3);
        assertEquals(1536 / 16000.0, last.time, 1e-12);
        assertEquals(964 / 16000.0, last.duration, 1e-12);
    }

    @Test
    void aFileThatEndsExactlyOnABlockGetsNoExtraTailBlock() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("blocks", "k").framing(1024, 512);
        FileRecord r = analyze(Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}]}", echo), "frames=2048");
        assertEquals(List.of("0 1024 0 1023", "512 1024 512 1535", "1024 1024 1024 2047"), blocks(r, "e.blocks"));
    }

    @Test
    void aStepLargerThanTheBlockSkipsTheSamplesBetweenBlocks() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("blocks", "k").framing(100, 250);
        decoder.maxRead = 70;
        FileRecord r = analyze(Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}]}", echo), "frames=560");
        assertEquals(List.of("0 100 0 99", "250 100 250 349", "500 60 500 559"), blocks(r, "e.blocks"));
    }

    @Test
    void blockSizeZeroHandsTheWholeFileOverAsOneBlock() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("blocks", "k");
        Workflow w = Workflows.of("{'steps':[{'id':'e','extractor':'t.echo','blockSize':0}]}", echo);
        FileRecord r = analyze(w, "frames=100000");
        assertEquals(List.of("0 100000 0 99999"), blocks(r, "e.blocks"));
    }

    @Test
    void emptyAudioGivesNoBlocksButStillFinishesAndCloses() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up'}]}", logging("t.up", false, false));
        FileRecord r = analyze(w, "frames=0");
        assertNull(r.error);
        assertEquals(List.of("up.finish", "up.close"), log);
        assertEquals(0.0, r.duration);
    }

    @Test
    void theRecordCarriesTheSourceFormatAndOnlyTheRequestedOutputsInWorkflowOrder() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("a", "k").output("b", "k").output("c", "k");
        Workflow w = Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}],'outputs':['e.c','e.a']}", echo);

        FileRecord r = analyze(w, "frames=8000 rate=44100 channels=2");

        assertEquals("f.wav", r.file);
        assertEquals(0.5, r.duration, 1e-12, "decoded samples at the workflow rate");
        assertEquals(44100, r.sampleRate);
        assertEquals(2, r.channels);
        assertEquals(List.of("e.c", "e.a"), new ArrayList<>(r.outputs.keySet()));
        assertEquals(8, r.outputs.get("e.a").size());
    }

    @Test
    void aFileTheDecoderRejectsIsOneLineNamingItAsTheUserDid() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("a", "k");
        FileRecord r = analyze(Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}]}", echo), "reject");
        assertEquals("f.wav: not an audio file (fake)", r.error);
        assertTrue(r.outputs.isEmpty());
    }

    @Test
    void aFileTruncatedMidwayFailsAndStillClosesEverySession() throws Exception {
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up'}]}", logging("t.up", true, false));
        FileRecord r = analyze(w, "frames=5000 truncated-at=2000");
        assertEquals("f.wav: truncated: data ends at sample 2000", r.error);
        assertEquals(List.of("up.process 0+1000", "up.process 1000+1000", "up.close"), log);
        assertEquals(decoder.opened.get(), decoder.closed.get());
    }

    @Test
    void anExtractionExceptionIsTheStepsOneLineErrorAndEverySessionIsClosedWithoutFinish() throws Exception {
        FakeExtractor failing = FakeExtractor.of("t.fail").output("out", "k").input("in", "k", false)
            .framing(1000, 1000).sessions(c -> new ExtractorSession() {
                private int blocks;

                @Override
                public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
                    if (++blocks == 2) {
                        throw new ExtractionException("t.fail: cannot go on\nafter block 2");
                    }
                }

                @Override
                public void finish(FeatureSink sink) {
                    log.add("fail.finish");
                }

                @Override
                public void close() {
                    log.add("fail.close");
                }
            });
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up'},"
            + "{'id':'bad','extractor':'t.fail','inputs':{'in':'up.out'}}]}", logging("t.up", true, false), failing);

        FileRecord r = analyze(w, "frames=5000");

        assertEquals("f.wav: step 'bad': t.fail: cannot go on after block 2", r.error);
        assertTrue(r.outputs.isEmpty());
        assertEquals(List.of("up.process 0+1000", "up.process 1000+1000", "up.close", "fail.close"), log);
    }

    @Test
    void aSessionThatCannotOpenClosesTheOnesAlreadyOpen() throws Exception {
        FakeExtractor refusing = FakeExtractor.of("t.refuse").output("out", "k")
            .sessions(c -> {
                throw new ExtractionException("t.refuse: model 'x' not found");
            });
        Workflow w = Workflows.of("{'steps':[{'id':'up','extractor':'t.up'},{'id':'r','extractor':'t.refuse'}]}",
            logging("t.up", true, false), refusing);
        FileRecord r = analyze(w, "frames=5000");
        assertEquals("f.wav: step 'r': t.refuse: model 'x' not found", r.error);
        assertEquals(List.of("up.close"), log);
    }

    @Test
    void aBugInAnExtractorIsReportedWithItsTypeAndPlace() throws Exception {
        FakeExtractor buggy = FakeExtractor.of("t.bug").output("out", "k").sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                throw new IllegalStateException("kaput");
            }

            @Override
            public void finish(FeatureSink sink) {
            }
        });
        FileRecord r = analyze(Workflows.of("{'steps':[{'id':'b','extractor':'t.bug'}]}", buggy), "frames=5000");
        assertTrue(r.error.startsWith("f.wav: step 'b': IllegalStateException: kaput at "), r.error);
        assertTrue(r.error.contains("FileAnalyzerTest"), r.error);
    }

    @Test
    void anOutOfMemoryErrorInOneFileBecomesItsErrorAndTheAnalyzerGoesOn() throws Exception {
        AtomicInteger files = new AtomicInteger();
        FakeExtractor hungry = FakeExtractor.of("t.oom").output("out", "k").sessions(c -> new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                if (c.source().equals("big.wav")) {
                    throw new OutOfMemoryError("Java heap space");
                }
                sink.emit("out", Feature.of(block.startTime(), 0, 1));
            }

            @Override
            public void finish(FeatureSink sink) {
                files.incrementAndGet();
            }
        });
        FileAnalyzer analyzer = new FileAnalyzer(Workflows.of("{'steps':[{'id':'m','extractor':'t.oom'}]}", hungry),
            decoder);
        Path big = FakeDecoder.write(dir.resolve("big.wav"), "frames=3000");
        Path small = FakeDecoder.write(dir.resolve("small.wav"), "frames=3000");

        assertEquals("big.wav: step 'm': ran out of memory (Java heap space)", analyzer.analyze(big, "big.wav").error);
        FileRecord ok = analyzer.analyze(small, "small.wav");
        assertNull(ok.error);
        assertEquals(3, ok.outputs.get("m.out").size());
        assertEquals(1, files.get());
    }

    @Test
    void emittingToAnUndeclaredOutputFailsTheStepNamingTheOutputs() throws Exception {
        FakeExtractor wrong = FakeExtractor.of("t.wrong").output("a", "k").output("b", "k")
            .sessions(c -> new ExtractorSession() {
                @Override
                public void process(AudioBlock block, FeatureSink sink) {
                    sink.emit("nope", Feature.of(0, 0, 1));
                }

                @Override
                public void finish(FeatureSink sink) {
                }
            });
        FileRecord r = analyze(Workflows.of("{'steps':[{'id':'w','extractor':'t.wrong'}]}", wrong), "frames=10");
        assertTrue(r.error.startsWith("f.wav: step 'w': IllegalArgumentException: t.wrong emitted a feature to "
            + "unknown output 'nope' (outputs: a, b)"), r.error);
    }

    @Test
    void anInterruptedThreadStopsTheFileWithAnInterruptedError() throws Exception {
        FakeExtractor echo = FakeExtractor.of("t.echo").output("a", "k");
        Workflow w = Workflows.of("{'steps':[{'id':'e','extractor':'t.echo'}]}", echo);
        Thread.currentThread().interrupt();
        try {
            assertEquals("f.wav: interrupted", analyze(w, "frames=5000").error);
        } finally {
            Thread.interrupted();
        }
        assertEquals(decoder.opened.get(), decoder.closed.get());
    }

    @Test
    void aStepNoOtherConsumesEndsLaterAndTheRecordWaitsForItWithTheSameFeatures() throws Exception {
        EndsLater later = new EndsLater();
        Workflow w = Workflows.of("{'steps':[{'id':'n','extractor':'t.later'},{'id':'e','extractor':'t.echo'}]}",
            later.extractor(), FakeExtractor.of("t.echo").output("a", "k"));
        Path file = FakeDecoder.write(dir.resolve("f.wav"), "frames=5000");
        FileRecord now = new FileAnalyzer(w, decoder).analyze(file, "f.wav");

        CompletableFuture<FileRecord> record = new FileAnalyzer(w, decoder).analyzeAsync(file, "f.wav", s -> { });

        assertFalse(record.isDone(), "the record waits for the step that ends later");
        assertEquals(1, later.waiting());
        assertEquals(List.of("f.wav"), later.closed(), "only the run that finished at once has closed its session");
        assertEquals(decoder.opened.get(), decoder.closed.get(), "the file is closed while the step ends");
        Thread ender = new Thread(() -> later.end("f.wav"));
        ender.start();
        FileRecord r = record.get(10, TimeUnit.SECONDS);
        ender.join();
        assertNull(r.error);
        assertEquals(List.of("f.wav", "f.wav"), later.closed(), "closed once it has ended");
        assertEquals(List.of(5000f), r.outputs.get("n.n").stream().map(f -> f.values[0]).toList());
        assertEquals(blocks(now, "e.a"), blocks(r, "e.a"));
        assertEquals(now.duration, r.duration);
    }

    @Test
    void aStepThatAnotherConsumesFinishesAtOnceSoItsConsumerGetsEverything() throws Exception {
        EndsLater later = new EndsLater();
        Workflow w = Workflows.of("{'steps':[{'id':'n','extractor':'t.later'},"
            + "{'id':'down','extractor':'t.down','inputs':{'in':'n.n'}}]}", later.extractor(),
            logging("t.down", false, false));
        Path file = FakeDecoder.write(dir.resolve("f.wav"), "frames=2500");

        CompletableFuture<FileRecord> record = new FileAnalyzer(w, decoder).analyzeAsync(file, "f.wav", s -> { });

        assertTrue(record.isDone(), "no step ends later: the consumer needs the last feature before its own end");
        assertEquals(0, later.waiting());
        assertNull(record.join().error);
        assertEquals(List.of("down.process 0+1000", "down.process 1000+1000", "down.process 2000+500",
            "down.consume in 2500", "down.finish", "down.close"), log);
    }

    @Test
    void aStageThatFailsIsTheStepsOneLineErrorAndEverySessionClosesAfterIt() throws Exception {
        EndsLater later = new EndsLater();
        Workflow w = Workflows.of("{'steps':[{'id':'n','extractor':'t.later'},{'id':'up','extractor':'t.up'}]}",
            later.extractor(), logging("t.up", true, false));
        Path file = FakeDecoder.write(dir.resolve("f.wav"), "frames=2000");

        CompletableFuture<FileRecord> record = new FileAnalyzer(w, decoder).analyzeAsync(file, "f.wav", s -> { });
        assertFalse(log.contains("up.close"), "no session closes while one still ends");
        later.fail("f.wav", "emotion inference failed: out of memory\non the GPU");

        FileRecord r = record.get(10, TimeUnit.SECONDS);
        assertEquals("f.wav: step 'n': emotion inference failed: out of memory on the GPU", r.error);
        assertTrue(r.outputs.isEmpty());
        assertEquals(List.of("f.wav"), later.closed());
        assertTrue(log.contains("up.close"));
    }

    /** Each feature of an output of {@link FakeExtractor.BlockEcho} as "start length first last". */
    private static List<String> blocks(FileRecord r, String output) {
        List<String> blocks = new ArrayList<>();
        for (Feature f : r.outputs.get(output)) {
            blocks.add((long) f.values[0] + " " + (long) f.values[1] + " " + (long) f.values[2] + " "
                + (long) f.values[3]);
        }
        return blocks;
    }
}
