package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.InputFile;
import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.api.command.InputFile;
import io.auralis.api.output.FileRecord;
import io.auralis.audio.AudioDecoderComponent;
import io.auralis.host.distribution.GeneratedWav;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Progress counts audio, not files: thirty 10 s files and one of 6 minutes are 45 % done when the thirty are,
 * not 96 %; the time left and the rate follow the audio too. Durations come from the files' headers, within a
 * time budget, and from their sizes where a header gives none.
 */
class ProgressByAudioTest {
    @TempDir
    Path dir;

    /** Thirty files of 10 s, then one of 360 s: 660 s in all. */
    private static AudioDurations thirtyShortThenOneLong() {
        double[] seconds = new double[31];
        java.util.Arrays.fill(seconds, 10);
        seconds[30] = 360;
        return AudioDurations.of(seconds);
    }

    private static FileRecord record(int i, double duration) {
        FileRecord r = new FileRecord();
        r.file = i + ".wav";
        r.duration = duration;
        return r;
    }

    @Test
    void progressLinesCountAudioSecondsForTheShareTheTimeLeftAndTheRate() {
        long[] now = {0};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressLines p = new ProgressLines(new PrintStream(err, true, StandardCharsets.UTF_8), () -> now[0],
            10_000_000_000L, thirtyShortThenOneLong());
        p.start(31);
        for (int i = 0; i < 30; i++) {
            now[0] = (i + 1) * 1_000_000_000L;
            p.fileDone(record(i, 10));
        }
        p.close();

        // 300 of 660 s in 30 s: 45 % (by files: 96 %), 10 audio seconds a second, 36 s to go (the 360 s left).
        assertEquals(List.of("auralis: 10 of 31 files, 0.028 h of 0.18 h of audio (15%), 10.0 audio seconds per "
            + "second, 0 failed, about 56.0 s left", "auralis: 20 of 31 files, 0.056 h of 0.18 h of audio (30%), "
            + "10.0 audio seconds per second, 0 failed, about 46.0 s left", "auralis: 30 of 31 files, 0.083 h of "
            + "0.18 h of audio (45%), 10.0 audio seconds per second, 0 failed, about 36.0 s left"),
            err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void theBarFillsByAudioSeconds() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBarDisplay bar = new ProgressBarDisplay(new PrintStream(err, true, StandardCharsets.UTF_8),
            thirtyShortThenOneLong());
        bar.start(31);
        for (int i = 0; i < 30; i++) {
            bar.fileDone(record(i, 10));
        }
        bar.close();

        String shown = err.toString(StandardCharsets.UTF_8);
        String last = shown.substring(shown.lastIndexOf('\r') + 1);
        assertTrue(last.contains(" 45%"), last);
        assertTrue(last.contains("300/660 audio s"), last);
        assertTrue(last.contains("audio s/s 30/31 files"), last);
    }

    @Test
    void withoutDurationsTheBarCountsFiles() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBarDisplay bar = new ProgressBarDisplay(new PrintStream(err, true, StandardCharsets.UTF_8),
            AudioDurations.unknown(4));
        bar.start(4);
        bar.fileDone(record(0, 10));
        bar.close();

        String shown = err.toString(StandardCharsets.UTF_8);
        assertTrue(shown.substring(shown.lastIndexOf('\r') + 1).contains(" 25%"), shown);
    }

    @Test
    void durationsComeFromHeadersAndFilesWithoutOneCountAsTheirSize() throws Exception {
        Path one = dir.resolve("one.wav");
        Path three = dir.resolve("three.wav");
        GeneratedWav.write(one, 16000, 1, 16, 1.0, t -> 0);
        GeneratedWav.write(three, 16000, 1, 16, 3.0, t -> 0);
        // Not audio, but twice the size of the one-second file: about two seconds by the probed files' rate.
        Path broken = Files.write(dir.resolve("broken.wav"), new byte[(int) (2 * Files.size(one))]);
        List<InputFile> files = List.of(new InputFile(one, "one.wav"), new InputFile(broken, "broken.wav"),
            new InputFile(three, "three.wav"));

        AudioDurations d = AudioDurations.probe(new AudioDecoderComponent(), files, 10_000);

        assertEquals(1.0, d.upTo(1), 1e-9);
        assertEquals(3.0, d.upTo(2), 0.01);
        assertEquals(6.0, d.total(), 0.01);
    }

    @Test
    void probingStopsAtItsBudgetAndEstimatesTheRestBySize() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(new InputFile(Files.write(dir.resolve(i + ".wav"), new byte[1000 * (i + 1)]), i + ".wav"));
        }
        AudioDecoder hangsAfterTheFirst = new AudioDecoder() {
            @Override
            public AudioInfo probe(Path file) throws IOException {
                if (!file.getFileName().toString().equals("0.wav")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                AudioInfo info = new AudioInfo();
                info.durationSeconds = 4.0;
                return info;
            }

            @Override
            public AudioStream open(Path file, int sampleRate) {
                throw new UnsupportedOperationException();
            }
        };
        long started = System.nanoTime();
        AudioDurations d = AudioDurations.probe(hangsAfterTheFirst, files, 300);
        double waited = (System.nanoTime() - started) / 1e9;
        release.countDown();

        assertTrue(waited < 5, "waited " + waited + " s");
        // 4 s for 1000 bytes, so 8 s and 12 s for the others.
        assertEquals(4.0 + 8.0 + 12.0, d.total(), 1e-9);
    }
}
