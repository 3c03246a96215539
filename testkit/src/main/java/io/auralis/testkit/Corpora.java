package io.auralis.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real speech corpora in {@code shared/data} (see its README). Tests that use them skip (a JUnit assumption)
 * where a corpus is absent, as in a user's checkout.
 */
public final class Corpora {
    private Corpora() {
    }

    /**
     * Where the corpora lie: the system property {@code auralis.data} if set, else the first {@code shared/data}
     * in the working folder or one of its parents, else {@code ../shared/data}.
     *
     * @return the folder, which may not exist
     */
    public static Path dataFolder() {
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
     * The folder of one corpus; skips the calling test when it is absent.
     *
     * @param corpus the corpus folder's name, such as {@code emodb}
     * @return the folder
     */
    public static Path require(String corpus) {
        Path folder = dataFolder().resolve(corpus);
        assumeTrue(Files.isDirectory(folder), "real corpus not present: " + folder);
        return folder;
    }

    /**
     * Every WAV file of a corpus, sorted; skips the calling test when the corpus is absent or holds none.
     *
     * @param corpus the corpus folder's name
     * @return the files
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> wavFiles(String corpus) throws IOException {
        Path folder = require(corpus);
        List<Path> all;
        try (Stream<Path> files = Files.walk(folder)) {
            all = files.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted().collect(Collectors.toList());
        }
        assumeTrue(!all.isEmpty(), "no WAV files in " + folder);
        return all;
    }

    /**
     * Some WAV files of a corpus, spread over its sorted list so that they cover speakers and emotions; skips the
     * calling test when the corpus is absent.
     *
     * @param corpus the corpus folder's name
     * @param count how many files
     * @return the files
     * @throws IOException if the folder cannot be listed
     */
    public static List<Path> sample(String corpus, int count) throws IOException {
        List<Path> all = wavFiles(corpus);
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < count && i < all.size(); i++) {
            picked.add(all.get((int) ((long) i * all.size() / Math.min(count, all.size()))));
        }
        return picked;
    }
}
