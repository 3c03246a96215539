package io.auralis.host.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a long mono 16 kHz 16-bit WAV file that a speech segmenter takes for speech: utterances of 1.5 to 4 s
 * separated by pauses of 0.4 to 1.5 s, each utterance a run of syllables at about 4 to 5 per second, each syllable
 * a voiced harmonic sound (f0 100 to 250 Hz, with intonation) under a smooth envelope, over a quiet noise floor.
 * Written a block at a time, so an hour takes a few kilobytes of memory.
 */
final class SpeechLikeRecording {
    /** The file's sample rate. */
    static final int RATE = 16000;

    private static final int HEADER = 44;
    private static final int BLOCK = 8192;
    private static final int HARMONICS = 12;
    private static final double NOISE = 0.0005;

    private final Random random;
    // state of the current utterance or pause, in samples
    private boolean speaking;
    private long left;
    private double f0;
    private double phase;
    private double syllablePhase;
    private double syllableRate;
    private double intonationPhase;

    private SpeechLikeRecording(long seed) {
        this.random = new Random(seed);
        startPause();
    }

    /**
     * Writes a recording.
     *
     * @param file the WAV file, replaced if it exists
     * @param seconds its length, positive
     * @param seed the random seed: the same seed gives the same file
     * @return the number of samples written
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the length is not positive or too long for a WAV file
     */
    static long write(Path file, double seconds, long seed) throws IOException {
        long frames = Math.round(seconds * RATE);
        if (frames <= 0) {
            throw new IllegalArgumentException("a recording needs a positive length, got " + seconds + " s");
        }
        long dataBytes = frames * 2;
        if (dataBytes + HEADER - 8 > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(seconds + " s do not fit in a WAV file (at most about 37 h at 16 kHz)");
        }
        SpeechLikeRecording signal = new SpeechLikeRecording(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (dataBytes + HEADER - 8))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            out.write(header.array());
            ByteBuffer block = ByteBuffer.allocate(BLOCK * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (long done = 0; done < frames; ) {
                int n = (int) Math.min(BLOCK, frames - done);
                block.clear();
                for (int i = 0; i < n; i++) {
                    double s = Math.max(-1, Math.min(1, signal.next()));
                    block.putShort((short) Math.round(s * 32767));
                }
                out.write(block.array(), 0, n * 2);
                done += n;
            }
        }
        return frames;
    }

    private double next() {
        if (left-- <= 0) {
            if (speaking) {
                startPause();
            } else {
                startUtterance();
            }
        }
        double noise = NOISE * random.nextGaussian();
        if (!speaking) {
            return noise;
        }
        // syllables: a raised-sine envelope per syllable, with a short dip between them
        syllablePhase += syllableRate / RATE;
        double inSyllable = syllablePhase - Math.floor(syllablePhase);
        double envelope = Math.pow(Math.sin(Math.PI * inSyllable), 2);
        intonationPhase += 0.7 / RATE;
        double pitch = f0 * (1 + 0.12 * Math.sin(2 * Math.PI * intonationPhase));
        phase += 2 * Math.PI * pitch / RATE;
        if (phase > 2 * Math.PI) {
            phase -= 2 * Math.PI;
        }
        // sin(k phase) by the recurrence s(k) = 2 cos(phase) s(k-1) - s(k-2): two calls to the library per sample
        // instead of one per harmonic, which made an hour's file take a minute to write
        double twoCos = 2 * Math.cos(phase);
        double previous = 0;
        double current = Math.sin(phase);
        double voiced = 0;
        for (int k = 1; k <= HARMONICS; k++) {
            // a falling spectrum with a formant-like bump around the third harmonic
            voiced += current / k * (k == 3 || k == 4 ? 1.8 : 1);
            double next = twoCos * current - previous;
            previous = current;
            current = next;
        }
        return 0.18 * envelope * voiced + noise;
    }

    private void startUtterance() {
        speaking = true;
        left = Math.round((1.5 + 2.5 * random.nextDouble()) * RATE);
        f0 = 100 + 150 * random.nextDouble();
        syllableRate = 4 + random.nextDouble();
        syllablePhase = 0;
        intonationPhase = random.nextDouble();
    }

    private void startPause() {
        speaking = false;
        left = Math.round((0.4 + 1.1 * random.nextDouble()) * RATE);
    }
}
