package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.api.output.OutputWriter;
import io.auralis.audio.AudioDecoderComponent;
import io.auralis.extractors.loudness.LoudnessExtractor;
import io.auralis.extractors.segment.SpeechSegmenter;
import io.auralis.host.fake.FakeServices;
import io.auralis.writers.csv.CsvWriter;
import io.auralis.writers.jsonl.JsonLinesWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze -}: live input from a pipe, records per segment as each is final, in bounded memory. */
class LiveInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE = 16000;
    /** Speech-like bursts: a loud tone for {@code ON} seconds in every {@code PERIOD}, faint noise between. */
    private static final double ON = 1.0;
    private static final double PERIOD = 2.5;

    @TempDir
    Path cwd;
    @TempDir
    Path home;

    @BeforeEach
    void workflow() throws IOException {
        Files.createDirectories(home.resolve("workflows"));
        Files.writeString(home.resolve("workflows/live.json"), """
            {"name": "live", "sampleRate": 16000,
             "steps": [{"id": "segments", "extractor": "auralis.segmenter"},
                       {"id": "loudness", "extractor": "auralis.loudness", "blockSize": 1600, "stepSize": 1600}],
             "outputs": ["segments.speech", "loudness.dbfs"]}""");
        Files.writeString(home.resolve("workflows/whole.json"), """
            {"name": "whole", "sampleRate": 16000,
             "steps": [{"id": "segments", "extractor": "auralis.segmenter", "blockSize": 0}]}""");
    }

    /** The sample at frame {@code i} of the test signal. */
    private static float sample(long i) {
        double t = i / (double) RATE;
        boolean on = t % PERIOD >= 0.5 && t % PERIOD < 0.5 + ON;
        // deterministic faint noise keeps the noise floor finite
        double noise = ((i * 1103515245L + 12345) >>> 16 & 0xFF) / 255.0 - 0.5;
        return (float) (on ? 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.001 * noise : 0.001 * noise);
    }

    private static byte[] pcm16(long from, int frames) {
        ByteBuffer b = ByteBuffer.allocate(2 * frames).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) Math.round(sample(from + i) * 32767));
        }
        return b.array();
    }

    /** A WAV header as ffmpeg writes one to a pipe: the sizes are 0xFFFFFFFF. */
    private static byte[] pipeHeader() {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(-1).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        b.putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2)
            .putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(-1);
        return b.array();
    }

    private int analyze(InputStream stdin, OutputStream out, ByteArrayOutputStream err, String... args) {
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandContext context = new TerminalContext(o, e, cwd, false);
        List<OutputWriter> writers = List.of(new JsonLinesWriter(), new CsvWriter(), new AtTheEndWriter());
        FakeServices services = FakeServices.of(new AudioDecoderComponent("no-such-ffmpeg"), writers,
            new SpeechSegmenter(), new LoudnessExtractor());
        try {
            return new AnalyzeCommand(services, home, "auto", () -> stdin).run(List.of(args), context);
        } catch (UsageException u) {
            return u.print(e);
        }
    }

    /** Lines written to standard output, as they arrive. */
    private static class Lines extends OutputStream {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    @Test
    void segmentRecordsArriveOnStandardOutputAndInEveryOutputFileWhileAPipeWrittenInRealTimeIsStillBeingWritten() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            Path jsonl = cwd.resolve("live/records.jsonl");
            Path csv = cwd.resolve("live.csv");
            PipedOutputStream writer = new PipedOutputStream();
            PipedInputStream stdin = new PipedInputStream(writer, 1 << 16);
            Lines out = new Lines();
            AtomicBoolean recordBeforeEnd = new AtomicBoolean();
            int seconds = 8;
            Thread feeder = new Thread(() -> {
                try {
                    writer.write(pipeHeader());
                    for (int tenth = 0; tenth < seconds * 10; tenth++) {
                        writer.write(pcm16(tenth * 1600L, 1600));
                        writer.flush();
                        Thread.sleep(100); // real-time pace: 0.1 s of audio every 0.1 s
                        if (tenth == seconds * 10 - 11) {
                            // One second of audio left: wait (generously) for a record in every output before
                            // writing it.
                            long until = System.nanoTime() + 60_000_000_000L;
                            while (!(!out.lines.isEmpty() && lines(jsonl) > 0 && lines(csv) > 1)
                                && System.nanoTime() < until) {
                                Thread.sleep(20);
                            }
                            recordBeforeEnd.set(!out.lines.isEmpty() && lines(jsonl) > 0 && lines(csv) > 1);
                        }
                    }
                    writer.close();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "slow-writer");
            feeder.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = analyze(stdin, out, err, "--workflow", "live", "-o", "-", "-o", "live/records.jsonl", "-o",
                "live.csv", "-");
            feeder.join();
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(recordBeforeEnd.get(), "a segment's record was in every output before the input ended");
            assertEquals(out.lines, Files.readAllLines(jsonl), "the file holds the records standard output had");
            JsonNode provenance = JSON.readTree(cwd.resolve("live/records.jsonl.auralis.json").toFile());
            assertEquals("auralis analyze", provenance.get("writtenBy").asText(), "claimed as a file run claims");
            // "-" is quoted as '- against CSV injection, as any text cell that starts with a minus
            List<String> fileRows = Files.readAllLines(csv).stream().filter(l -> l.startsWith("'-,,")).toList();
            assertEquals(3, fileRows.size(), "one file row per segment");

            List<JsonNode> records = new ArrayList<>();
            for (String l : out.lines) {
                records.add(JSON.readTree(l));
            }
            // bursts start at 0.5, 3.0, 5.5 s: three segments in 8 s
            assertEquals(3, records.size(), String.join("\n", out.lines));
            for (JsonNode r : records) {
                assertEquals("-", r.get("file").asText());
                assertTrue(r.get("error").isNull());
                JsonNode segment = r.get("outputs").get("segments.speech");
                assertEquals(1, segment.size(), "each record is one segment");
                double start = segment.get(0).get("time").asDouble();
                double end = start + segment.get(0).get("duration").asDouble();
                assertEquals(start, r.get("time").asDouble(), 1e-6, "the record starts where its segment does");
                assertEquals(end, r.get("end").asDouble(), 1e-5, "and ends where it ends");
                assertEquals(r.get("duration").asDouble(), end - start, 1e-3, "duration is the segment's");
                assertTrue(fileRows.get(records.indexOf(r)).startsWith("'-,," + r.get("time").asText() + ","),
                    "the CSV file row starts at the segment: " + fileRows.get(records.indexOf(r)));
                JsonNode loudness = r.get("outputs").get("loudness.dbfs");
                assertTrue(loudness.size() >= 8, "the loudness of a 1 s burst, every 0.1 s: " + loudness);
                for (JsonNode f : loudness) {
                    double t = f.get("time").asDouble();
                    assertTrue(t >= start - 1e-6 && t < end, t + " within [" + start + ", " + end + ")");
                }
            }
        });
    }

    @Test
    void anHourOfStreamAtFullSpeedGivesEveryRecordWithoutHoldingTheAudio() {
        assertTimeoutPreemptively(Duration.ofMinutes(8), () -> {
            long frames = 3600L * RATE;
            AtomicLong heapAt10Min = new AtomicLong(-1);
            AtomicLong heapAtEnd = new AtomicLong(-1);
            InputStream hour = new InputStream() {
                private final byte[] header = pipeHeader();
                private long position; // bytes
                private byte[] chunk = new byte[0];
                private int at;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (at == chunk.length) {
                        long frame = position == 0 ? -1 : (position - header.length) / 2;
                        if (frame >= frames) {
                            return -1;
                        }
                        if (frame == 600L * RATE) {
                            heapAt10Min.set(usedHeap());
                        } else if (frame + RATE >= frames && heapAtEnd.get() < 0) {
                            heapAtEnd.set(usedHeap());
                        }
                        chunk = frame < 0 ? header : pcm16(frame, RATE);
                        at = 0;
                    }
                    int n = Math.min(len, chunk.length - at);
                    System.arraycopy(chunk, at, b, off, n);
                    at += n;
                    position += n;
                    return n;
                }
            };
            Lines out = new Lines() {
                @Override
                public synchronized void write(int b) {
                    // count, do not keep: 1440 records of loudness would be most of the heap measured
                    if (b == '\n') {
                        lines.add("");
                    }
                }
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = analyze(hour, out, err, "--workflow", "live", "-");
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertEquals((int) Math.ceil(3600 / PERIOD), out.lines.size(), "one record per burst");
            assertTrue(heapAt10Min.get() > 0 && heapAtEnd.get() > 0, "the heap was measured on the way");
            long grown = heapAtEnd.get() - heapAt10Min.get();
            // the hour's samples as floats would be 230 MB; 50 min of them 190 MB
            assertTrue(grown < 64L << 20, "heap grew by " + (grown >> 20) + " MB from minute 10 to minute 60");
        });
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void liveInputRefusesWhatItCannotDoBeforeReadingAnything() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream none = InputStream.nullInputStream();
        assertEquals(2, analyze(none, new ByteArrayOutputStream(), err, "--workflow", "live", "--resume", "-o",
            "x.jsonl", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--resume and --master do not apply"), err.toString());
        err.reset();
        assertEquals(2, analyze(none, new ByteArrayOutputStream(), err, "--workflow", "live", "-o", "x.report", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("x.report: report is written when a run ends"),
            err.toString());
        err.reset();
        assertEquals(2, analyze(none, new ByteArrayOutputStream(), err, "--workflow", "whole", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("blockSize 0"), err.toString());
        err.reset();
        assertEquals(2, analyze(none, new ByteArrayOutputStream(), err, "--workflow", "live", "--raw-rate", "x", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--raw-rate must be a whole number"));
        err.reset();
        assertEquals(2, analyze(none, new ByteArrayOutputStream(), err, "--workflow", "live", "-"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("-: empty stream"), err.toString());
    }

    @Test
    void anOutputFileIsClaimedAsAFileRunClaimsItNeverReplacedWithoutForce() throws IOException {
        Files.writeString(cwd.resolve("kept.jsonl"), "precious\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, analyze(new java.io.ByteArrayInputStream(wav(6)), new ByteArrayOutputStream(), err,
            "--workflow", "live", "-o", "kept.jsonl", "-"));
        assertEquals("auralis: kept.jsonl: exists and is not empty; --force replaces it, --resume adds the files it "
            + "lacks\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("precious\n", Files.readString(cwd.resolve("kept.jsonl")));

        err.reset();
        Lines out = new Lines();
        assertEquals(0, analyze(new java.io.ByteArrayInputStream(wav(6)), out, err, "--workflow", "live", "--force",
            "-o", "kept.jsonl", "-"), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), out.lines, "with -o FILE alone, nothing on standard output");
        List<String> lines = Files.readAllLines(cwd.resolve("kept.jsonl"));
        assertEquals(3, lines.size(), String.join("\n", lines));
        double first = JSON.readTree(lines.get(0)).get("time").asDouble();
        // the first burst starts at 0.5 s; the segmenter opens its segment a little before speech, never after
        assertTrue(first > 0.3 && first <= 0.5, "the first record starts at " + first + " s");
    }

    /** A WAV of the test signal as ffmpeg writes one to a pipe. */
    private static byte[] wav(int seconds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(pipeHeader());
        bytes.writeBytes(pcm16(0, seconds * RATE));
        return bytes.toByteArray();
    }

    /** Lines in a file, 0 while it does not exist. */
    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    /** A writer that writes only when its output closes, as the HTML report does. */
    private static final class AtTheEndWriter implements OutputWriter {
        @Override
        public String format() {
            return "report";
        }

        @Override
        public String description() {
            return "written at the end";
        }

        @Override
        public io.auralis.api.output.RecordSink open(Path target, java.util.Map<String,
                io.auralis.api.extractor.OutputDescriptor> outputs, boolean append) {
            throw new AssertionError("live input must not open " + target);
        }

        @Override
        public java.util.Set<String> completed(Path target) {
            return java.util.Set.of();
        }
    }

    @Test
    void rawPcmFromStandardInputIsReadWithTheGivenFormat() {
        long frames = 6L * RATE;
        InputStream raw = new java.io.ByteArrayInputStream(pcm16(0, (int) frames));
        Lines out = new Lines();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = analyze(raw, out, err, "--workflow", "live", "--raw-rate", "16000", "--raw-encoding", "s16le", "-");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(3, out.lines.size(), String.join("\n", out.lines));
    }
}
