package io.auralis.extractors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.AudioDecoderComponent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real speech corpora in {@code shared/data} (see its README), decoded with the platform's decoder. Tests that
 * use them skip where the folder is absent, as in a user's checkout.
 */
public final class Corpora {
    private Corpora() {
    }

    /** {@code auralis.data} if set, else the first {@code shared/data} beside this folder or one of its parents. */
    private static Path dataFolder() {
        String configured = System.getProperty("auralis.data");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../shared/data");
    }

    /**
     * Some files of a corpus, spread over its sorted list so that they cover speakers and emotions; skips the
     * calling test when the corpus is absent.
     *
     * @param corpus {@code emodb} or {@code tess}
     * @param count how many files
     * @return the files
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> sample(String corpus, int count) throws IOException {
        List<Path> all = all(corpus);
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < count && i < all.size(); i++) {
            picked.add(all.get((int) ((long) i * all.size() / Math.min(count, all.size()))));
        }
        return picked;
    }

    /**
     * Every WAV file of a corpus, sorted; skips the calling test when the corpus is absent.
     *
     * @param corpus {@code emodb} or {@code tess}
     * @return the files
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> all(String corpus) throws IOException {
        Path folder = dataFolder().resolve(corpus);
        assumeTrue(Files.isDirectory(folder), corpus + " is not in " + folder);
        List<Path> all;
        try (Stream<Path> files = Files.walk(folder)) {
            all = files.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted().collect(Collectors.toList());
        }
        assumeTrue(!all.isEmpty(), "no WAV files in " + folder);
        return all;
    }

    /**
     * Decodes a whole file to mono at a rate, as the host does before framing.
     *
     * @param file the file
     * @param rate the analysis rate
     * @return the samples
     * @throws IOException if it cannot be decoded
     */
    public static float[] decode(Path file, int rate) throws IOException {
        try (AudioStream stream = new AudioDecoderComponent().open(file, rate)) {
            float[] buffer = new float[1 << 16];
            int total = 0;
            int n;
            while ((n = stream.read(buffer, total, buffer.length - total)) > 0) {
                total += n;
                if (total == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return Arrays.copyOf(buffer, total);
        }
    }
}
