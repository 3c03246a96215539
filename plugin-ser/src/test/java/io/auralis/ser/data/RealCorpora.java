package io.auralis.ser.data;

import io.auralis.testkit.Corpora;

import java.nio.file.Path;

/** Finds the real corpora of {@code shared/data} for smoke tests, which skip where they are absent: the kit's finder. */
public final class RealCorpora {

    private RealCorpora() {
    }

    /** {@code auralis.data} if set, else the first {@code shared/data} beside the working folder or a parent. */
    public static Path dataFolder() {
        return Corpora.dataFolder();
    }

    /** The folder of one corpus, or a skipped test when it is absent. */
    public static Path require(String corpus) {
        return Corpora.require(corpus);
    }
}
