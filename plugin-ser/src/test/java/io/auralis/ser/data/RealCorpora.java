package io.auralis.ser.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real corpora of {@code shared/data} for smoke tests, which skip where they are absent. */
public final class RealCorpora {

    private RealCorpora() {
    }

    /** {@code auralis.data} if set, else the first {@code shared/data} beside the working folder or a parent. */
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

    /** The folder of one corpus, or a skipped test when it is absent. */
    public static Path require(String corpus) {
        Path folder = dataFolder().resolve(corpus);
        assumeTrue(Files.isDirectory(folder), "real corpus not present: " + folder);
        return folder;
    }
}
