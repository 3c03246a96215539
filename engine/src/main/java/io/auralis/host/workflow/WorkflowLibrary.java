package io.auralis.host.workflow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflows that ship with an installation, in {@code <home>/workflows/NAME.json}, and the rule that turns
 * {@code --workflow} into a file: an existing file (relative to the working directory) is taken as it is; anything
 * else is the name of a workflow in the library.
 */
public final class WorkflowLibrary {
    /** The workflow {@code analyze} runs when none is named. */
    public static final String DEFAULT = "default";

    private static final String SUFFIX = ".json";

    private final Path folder;

    /**
     * Creates the library of an installation.
     *
     * @param folder the {@code workflows} folder
     */
    public WorkflowLibrary(Path folder) {
        this.folder = folder;
    }

    /**
     * The folder the library reads.
     *
     * @return {@code <home>/workflows}
     */
    public Path folder() {
        return folder;
    }

    /**
     * The workflow files in the library, sorted by name.
     *
     * @return the {@code *.json} files; empty when the folder does not exist
     * @throws IOException if the folder cannot be listed
     */
    public List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path p : dir) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /**
     * The name of a library workflow file.
     *
     * @param file a file from {@link #list()}
     * @return its name without {@code .json}
     */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(SUFFIX) ? n.substring(0, n.length() - SUFFIX.length()) : n;
    }

    /**
     * Finds the workflow {@code --workflow} names.
     *
     * @param nameOrFile a file, or the name of a library workflow
     * @param workingDirectory what relative files resolve against
     * @return the workflow file
     * @throws WorkflowException if it is neither an existing file nor a workflow in the library
     */
    public Path resolve(String nameOrFile, Path workingDirectory) throws WorkflowException {
        Path asFile = workingDirectory.resolve(nameOrFile);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        boolean looksLikeFile = nameOrFile.endsWith(SUFFIX) || nameOrFile.contains("/")
            || nameOrFile.contains(asFile.getFileSystem().getSeparator());
        if (looksLikeFile) {
            throw new WorkflowException(nameOrFile, Files.isDirectory(asFile) ? "is a folder, not a workflow file"
                : "no such file");
        }
        Path named = folder.resolve(nameOrFile + SUFFIX);
        if (Files.isRegularFile(named)) {
            return named;
        }
        List<String> names = new ArrayList<>();
        try {
            for (Path p : list()) {
                names.add(nameOf(p));
            }
        } catch (IOException e) {
            // Listing is only for the hint.
        }
        throw new WorkflowException(nameOrFile, "no such workflow file, and no workflow of that name in " + folder
            + (names.isEmpty() ? "" : " (workflows: " + String.join(", ", names) + ")"));
    }
}
