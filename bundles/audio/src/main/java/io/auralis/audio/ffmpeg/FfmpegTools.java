package io.auralis.audio.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the {@code ffmpeg} and {@code ffprobe} executables. Looked up on every use rather than once, so that
 * installing ffmpeg while the platform runs takes effect without a restart; the look-up is a few file checks.
 */
public final class FfmpegTools {

    private final String ffmpeg;

    /**
     * Creates a locator.
     *
     * @param ffmpeg the ffmpeg executable: a bare name such as {@code ffmpeg}, looked up on {@code PATH}, or a
     *     path; {@code ffprobe} is looked for beside it first, then on {@code PATH}
     */
    public FfmpegTools(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * The configured ffmpeg command.
     *
     * @return what was configured, for messages
     */
    public String configured() {
        return ffmpeg;
    }

    /**
     * Whether the configured value is a path rather than a name to look up on {@code PATH}.
     *
     * @return true for a path such as {@code /opt/ffmpeg/bin/ffmpeg}
     */
    public boolean isExplicitPath() {
        return ffmpeg.indexOf('/') >= 0 || ffmpeg.indexOf(File.separatorChar) >= 0;
    }

    /**
     * The ffmpeg executable.
     *
     * @return its path, or empty when it is not installed
     */
    public Optional<Path> ffmpeg() {
        return isExplicitPath() ? executable(Path.of(ffmpeg)) : onPath(ffmpeg);
    }

    /**
     * The ffprobe executable that belongs to {@link #ffmpeg()}.
     *
     * @return its path, or empty when it is not installed
     */
    public Optional<Path> ffprobe() {
        Optional<Path> found = ffmpeg().flatMap(f -> {
            String name = f.getFileName().toString().replace("ffmpeg", "ffprobe");
            return f.getParent() == null ? Optional.empty() : executable(f.getParent().resolve(name));
        });
        return found.isPresent() ? found : onPath("ffprobe");
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Path> found = executable(Path.of(dir, name));
            if (found.isEmpty() && windows) {
                found = executable(Path.of(dir, name + ".exe"));
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? Optional.of(candidate)
            : Optional.empty();
    }
}
