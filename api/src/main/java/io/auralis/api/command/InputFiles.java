package io.auralis.api.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the files and folders named on a command line into the list of files to read: the one rule of every command
 * that reads audio, {@code auralis analyze}, {@code ser predict} or a plugin's, so that the same arguments name the
 * same files everywhere. Commands reach it through
 * {@link io.auralis.api.command.CommandContext#inputs}, which the host implements with it.
 *
 * <p>A file named explicitly is always taken, whatever its extension, so that a file that is not audio gets an
 * error record rather than being silently skipped. A folder is searched recursively (following links) for files
 * with an audio extension ({@link #AUDIO_EXTENSIONS}, in any case); hidden files and folders (names starting with
 * a dot, such as macOS's {@code ._} companions) are skipped. The files of a folder are sorted by their path inside
 * it, arguments keep their order, and a file reached twice is analysed once, so the list is the same on every run.
 * A folder that cannot be searched (permission denied, say) is an input with a {@link InputFile#problem}: its files
 * cannot be analysed, and the run must say so with an error record and its exit code, not with a warning alone.
 *
 * @since 1.2
 */
public final class InputFiles {
    /** The extensions picked from folders. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "mp3", "flac", "ogg", "m4a", "aac", "opus",
        "aiff", "aif", "au");

    private InputFiles() {
    }

    /**
     * Collects the files to analyse.
     *
     * @param arguments files and folders as the user wrote them
     * @param workingDirectory what relative arguments resolve against
     * @param warnings receives one line for each link that leads back into a folder above it (not followed: the
     *     files it leads to are reached through their own folder)
     * @return the files, at least one, in a deterministic order
     * @throws UsageException if an argument does not exist, naming it, or no argument holds an audio file
     */
    public static List<InputFile> collect(List<String> arguments, Path workingDirectory, Consumer<String> warnings)
            throws UsageException {
        // Every argument is checked before any folder is searched: a missing one is the run's only line.
        for (String argument : arguments) {
            if (!Files.exists(workingDirectory.resolve(argument))) {
                throw new UsageException(argument + ": no such file");
            }
        }
        List<InputFile> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String argument : arguments) {
            Path path = workingDirectory.resolve(argument);
            if (Files.isDirectory(path)) {
                for (Found found : audioUnder(path, argument, warnings)) {
                    Path file = path.resolve(found.relative());
                    if (seen.add(file.toAbsolutePath().normalize())) {
                        files.add(new InputFile(file, Path.of(argument).resolve(found.relative()).normalize()
                            .toString(), found.problem()));
                    }
                }
            } else if (seen.add(path.toAbsolutePath().normalize())) {
                files.add(new InputFile(path, argument));
            }
        }
        if (files.isEmpty()) {
            throw noAudio(arguments);
        }
        return files;
    }

    /**
     * The error for arguments that name no audio file, worded alike wherever inputs are listed (here, and over a
     * distributed file system by {@code analyze --master}).
     *
     * @param arguments the files and folders as the user wrote them
     * @return the exception to throw
     */
    public static UsageException noAudio(List<String> arguments) {
        return new UsageException("no audio files in " + String.join(", ", arguments) + " (looked for "
            + String.join(", ", AUDIO_EXTENSIONS.stream().sorted().toList()) + ")");
    }

    /**
     * Whether a file name has an audio extension.
     *
     * @param fileName a file name
     * @return {@code true} for names such as {@code a.wav} or {@code B.FLAC}
     */
    public static boolean isAudio(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A file under a folder, or a part of it that could not be searched. */
    private record Found(Path relative, String problem) {
    }

    private static List<Found> audioUnder(Path folder, String argument, Consumer<String> warnings)
            throws UsageException {
        List<Found> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (attrs.isRegularFile() && !hidden(file) && isAudio(name)) {
                            found.add(new Found(folder.relativize(file), null));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            String where = Path.of(argument).resolve(folder.relativize(file)).normalize().toString();
                            warnings.accept(where + ": a link leads back into a folder above it; not followed");
                        } else {
                            found.add(new Found(folder.relativize(file), "cannot be searched: " + reason(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        } catch (IOException e) {
            throw new UsageException(argument + ": cannot be searched: " + e.getMessage());
        }
        found.sort((a, b) -> a.relative().toString().compareTo(b.relative().toString()));
        return found;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
