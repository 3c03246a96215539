package io.auralis.ser.data;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.audio.AudioDecoderComponent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generated audio for tests: 16-bit PCM WAV files of tones and noise, and the platform's decoder. */
public final class SyntheticAudio {

    /** The rate test files are written at. */
    public static final int RATE = 16_000;

    private SyntheticAudio() {
    }

    /** The audio bundle's decoder, used directly on the class path as the training command would outside OSGi. */
    public static AudioDecoder decoder() {
        return new AudioDecoderComponent("ffmpeg");
    }

    /** A sine tone. */
    public static float[] tone(double frequency, double seconds, double amplitude) {
        int n = (int) Math.round(seconds * RATE);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / RATE));
        }
        return s;
    }

    /** Uniform white noise. */
    public static float[] noise(long seed, double seconds, double amplitude) {
        Random random = new Random(seed);
        int n = (int) Math.round(seconds * RATE);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
        }
        return s;
    }

    /** Writes a mono 16-bit PCM WAV at {@link #RATE}, creating folders as needed. */
    public static Path write(Path file, float[] samples) throws IOException {
        return write(file, samples, RATE);
    }

    /** Writes a mono 16-bit PCM WAV at the given rate, creating folders as needed. */
    public static Path write(Path file, float[] samples, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length)
            .put("WAVE".getBytes(StandardCharsets.US_ASCII))
            .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
            .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
            .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples.length);
        for (float v : samples) {
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, b.array());
        return file;
    }

    /** Writes a short tone, for tests that only need a readable file. */
    public static Path writeTone(Path file) throws IOException {
        return write(file, tone(440, 0.05, 0.5));
    }
}
