package io.auralis.ser.training;

import io.auralis.ser.data.SyntheticAudio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A generated corpus a small CNN-n-GRU separates in a few epochs: low tones, high tones and white noise, half a
 * second each with random pitch, amplitude and length, listed in a CSV manifest with two speakers.
 */
final class ToneCorpus {

    static final String[] CLASSES = {"low", "high", "noise"};

    private ToneCorpus() {
    }

    /** Writes {@code perClass} clips of each class under {@code dir} and returns the manifest. */
    static Path write(Path dir, int perClass, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder manifest = new StringBuilder("path,label,speaker\n");
        for (String label : CLASSES) {
            for (int i = 0; i < perClass; i++) {
                double seconds = 0.4 + 0.2 * random.nextDouble();
                double amplitude = 0.2 + 0.5 * random.nextDouble();
                float[] samples = switch (label) {
                    case "low" -> SyntheticAudio.tone(150 + 150 * random.nextDouble(), seconds, amplitude);
                    case "high" -> SyntheticAudio.tone(2000 + 1500 * random.nextDouble(), seconds, amplitude);
                    default -> SyntheticAudio.noise(random.nextLong(), seconds, amplitude);
                };
                String name = label + "/" + label + "_" + i + ".wav";
                SyntheticAudio.write(dir.resolve(name), samples);
                manifest.append(name).append(',').append(label).append(',').append(i % 2 == 0 ? "s1" : "s2")
                    .append('\n');
            }
        }
        Path csv = dir.resolve("manifest.csv");
        Files.writeString(csv, manifest);
        return csv;
    }
}
