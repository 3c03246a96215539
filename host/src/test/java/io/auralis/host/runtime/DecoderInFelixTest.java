package io.auralis.host.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioStream;
import io.auralis.host.testbundle.TestInstallation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import net.sourceforge.javaflacencoder.FLACEncoder;
import net.sourceforge.javaflacencoder.FLACFileOutputStream;
import net.sourceforge.javaflacencoder.StreamConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real audio bundle in a real Felix decodes FLAC (through the jFLAC jar embedded in it) and AIFF (through the
 * JDK's Java Sound, imported from the system bundle) to the samples of the WAV they were made from, without
 * ffmpeg: a bundle that did not resolve, or a Java Sound lookup that failed inside OSGi, would fail here.
 */
class DecoderInFelixTest {
    @TempDir
    Path tmp;

    private static final int RATE = 22050;

    /** A second of a 16-bit stereo chord. */
    private static short[] chord() {
        short[] samples = new short[2 * RATE];
        for (int i = 0; i < RATE; i++) {
            samples[2 * i] = (short) Math.round(12000 * Math.sin(2 * Math.PI * 220 * i / RATE));
            samples[2 * i + 1] = (short) Math.round(9000 * Math.sin(2 * Math.PI * 330 * i / RATE));
        }
        return samples;
    }

    private static Path write(Path file, short[] samples, AudioFileFormat.Type type, boolean bigEndian)
        throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(2 * samples.length)
            .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            bytes.putShort(s);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, bigEndian);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, RATE)) {
            AudioSystem.write(in, type, file.toFile());
        }
        return file;
    }

    private static Path flac(Path file, short[] samples) throws IOException {
        int[] values = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            values[i] = samples[i];
        }
        FLACEncoder encoder = new FLACEncoder();
        encoder.setStreamConfiguration(new StreamConfiguration(2, 4096, 4096, RATE, 16));
        FLACFileOutputStream out = new FLACFileOutputStream(file.toFile());
        try {
            encoder.setOutputStream(out);
            encoder.openFLACStream();
            encoder.addSamples(values, RATE);
            encoder.encodeSamples(RATE, true);
        } finally {
            out.close();
        }
        return file;
    }

    private static float[] decode(AudioDecoder decoder, Path file) throws IOException {
        try (AudioStream stream = decoder.open(file, 16000)) {
            float[] all = new float[0];
            float[] buffer = new float[4096];
            int n;
            while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                all = Arrays.copyOf(all, all.length + n);
                System.arraycopy(buffer, 0, all, all.length - n, n);
            }
            return all;
        }
    }

    @Test
    void flacAndAiffDecodeThroughTheInstalledAudioBundleLikeTheirWav() throws Exception {
        short[] chord = chord();
        Path wav = write(tmp.resolve("chord.wav"), chord, AudioFileFormat.Type.WAVE, false);
        Path flac = flac(tmp.resolve("chord.flac"), chord);
        Path aiff = write(tmp.resolve("chord.aiff"), chord, AudioFileFormat.Type.AIFF, true);
        List<String> messages = new ArrayList<>();
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.AUDIO);
        try (AuralisHost host = AuralisHost.builder().home(home).state(tmp.resolve("state")).messages(messages::add)
                .serviceTimeout(Duration.ofSeconds(10)).build().start()) {
            // ffmpeg is not asked: these formats need no tool whether or not one is installed.
            AudioDecoder decoder = host.services().decoder();
            float[] expected = decode(decoder, wav);
            assertEquals(16000, expected.length);
            assertArrayEquals(expected, decode(decoder, flac), "FLAC");
            assertArrayEquals(expected, decode(decoder, aiff), "AIFF");
            assertEquals("flac", decoder.probe(flac).format);
            assertEquals("aiff", decoder.probe(aiff).format);
        }
        assertEquals(List.of(), messages, "no bundle reported a problem");
    }
}
