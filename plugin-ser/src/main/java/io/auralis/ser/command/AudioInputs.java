package io.auralis.ser.command;

import io.auralis.api.command.UsageException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files {@code ser predict}'s arguments name, chosen by the rules of {@code auralis analyze} (the host's
 * {@code InputFiles}, which a bundle cannot import), so the two commands read the same files from the same
 * arguments: a file named explicitly is always taken; a folder is searched recursively, following links, for files
 * with an audio extension in any case, skipping hidden names; a folder's files are sorted by their path inside it,
 * and a file reached twice is read once. Each is named as the user typed it, or as the folder typed followed by the
 * file's path inside it ({@code clips/a/x.wav}). A part of a folder that cannot be searched is an input with a
 * problem, which the command reports as a failed file.
 */
final class AudioInputs {
    /** The extensions picked from folders: the same as {@code analyze}'s. */
    static final Set<String> EXTENSIONS = Set.of("wav", "mp3", "flac", "ogg", "m4a", "aac", "opus", "aiff", "aif",
        "au");

    /**
     * One input.
     *
     * @param path where it is
     * @param name as the user would type it
     * @param problem why it cannot be read (a folder that cannot be searched), or {@code null}
     */
    record Input(Path path, String name, String problem) {
    }

    private AudioInputs() {
    }

    /**
     * Collects the files.
     *
     * @param arguments files and folders as typed
     * @param workingDirectory what relative arguments resolve against
     * @param warnings one line for each link that leads back into a folder above it (not followed)
     * @return the inputs, in a deterministic order
     * @throws UsageException if an argument does not exist, naming it
     */
    static List<Input> collect(List<String> arguments, Path workingDirectory, Consumer<String> warnings)
            throws UsageException {
        List<Input> inputs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String argument : arguments) {
            Path path = workingDirectory.resolve(argument);
            if (!Files.exists(path)) {
                throw new UsageException(argument + ": no such file");
            }
            List<Input> found = Files.isDirectory(path) ? search(path, argument, warnings)
                : List.of(new Input(path, argument, null));
            for (Input input : found) {
                if (seen.add(input.path().toAbsolutePath().normalize())) {
                    inputs.add(input);
                }
            }
        }
        return inputs;
    }

    private static List<Input> search(Path folder, String argument, Consumer<String> warnings)
            throws UsageException {
        List<Input> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.equals(folder) || !hidden(dir) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !hidden(file) && audio(file)) {
                            found.add(input(file, null));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            warnings.accept(input(file, null).name()
                                + ": a link leads back into a folder above it; not followed");
                        } else {
                            found.add(input(file, "cannot be searched: " + e.getMessage()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    private Input input(Path file, String problem) {
                        Path relative = folder.relativize(file);
                        return new Input(file, Path.of(argument).resolve(relative).normalize().toString(), problem);
                    }
                });
        } catch (IOException e) {
            throw new UsageException(argument + ": cannot be searched: " + e.getMessage());
        }
        found.sort(Comparator.comparing(i -> folder.relativize(i.path()).toString()));
        return found;
    }

    private static boolean audio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}
