package io.auralis.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.auralis.api.audio.AudioFormatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** An ffprobe that never finishes (a hung file system, a pipe) is given up on, and its output is not waited for. */
class FfprobeTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void anFfprobeThatNeverFinishesIsGivenUpOnWhenItsTimeIsUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        // Not exec'd: the shell's child holds ffprobe's output open too, as a stuck helper process would.
        Path ffprobe = Files.writeString(dir.resolve("ffprobe"), "#!/bin/sh\nsleep 600\n");
        Files.setPosixFilePermissions(ffprobe, PosixFilePermissions.fromString("rwx------"));
        Path file = Files.write(dir.resolve("a.flac"), new byte[] {'f', 'L', 'a', 'C'});

        AudioFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> assertThrows(AudioFormatException.class,
                () -> FfmpegProbe.probe(ffprobe, file, "flac", Duration.ofSeconds(1))),
            "the ffprobe timeout did not fire");

        assertEquals("ffprobe did not finish within 1 s", e.problem());
    }
}
