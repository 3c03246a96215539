package io.auralis.spark.input;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Expands the files, folders and globs a user names into input files, on the driver, through Hadoop's file
 * systems: anything Spark reads ({@code file:}, {@code hdfs://}, {@code s3a://} with the matching modules on the
 * class path) can be analysed. Only paths are listed here; executors read the files themselves.
 *
 * <p>The rules are those of local {@code analyze}, so that both name files alike: a file named explicitly is
 * taken whatever its extension; a folder is searched recursively for files the filter accepts (audio extensions),
 * skipping hidden files and folders (names starting with a dot), in path order; a file reached twice is taken
 * once. A path without a scheme belongs to the default file system ({@code fs.defaultFS}, the local one unless a
 * cluster's Hadoop configuration says otherwise); on the local one, relative paths resolve against the user's
 * working directory and records name files as local {@code analyze} does. Other files are named by their URI.
 * Globs ({@code *}, {@code ?}, {@code [ab]}, {@code {a,b}}) are expanded by Hadoop, for file systems that
 * have no shell to do it.
 */
public final class InputListing {
    private final Configuration hadoop;
    private final java.nio.file.Path workingDirectory;
    private final Predicate<String> folderFilter;

    /**
     * Creates a listing.
     *
     * @param hadoop the Hadoop configuration of the Spark context
     * @param workingDirectory what relative local paths resolve against
     * @param folderFilter which file names to take from folders
     */
    public InputListing(Configuration hadoop, java.nio.file.Path workingDirectory, Predicate<String> folderFilter) {
        this.hadoop = hadoop;
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.folderFilter = folderFilter;
    }

    /**
     * Lists every input file the arguments name, each once, in argument order.
     *
     * @param arguments files, folders or globs as the user typed them
     * @return the files
     * @throws FileNotFoundException if an argument names nothing; the message is {@code <argument>: no such file}
     * @throws IOException if a file system cannot be listed
     */
    public List<InputFile> list(List<String> arguments) throws IOException {
        Map<String, InputFile> files = new LinkedHashMap<>();
        for (String argument : arguments) {
            for (InputFile file : list(argument)) {
                files.putIfAbsent(file.uri(), file);
            }
        }
        return new ArrayList<>(files.values());
    }

    private List<InputFile> list(String argument) throws IOException {
        Path typed;
        try {
            typed = new Path(argument);
        } catch (IllegalArgumentException e) {
            throw new FileNotFoundException(argument + ": not a path Hadoop's file systems can read ("
                + e.getMessage() + ")");
        }
        boolean localNames = typed.toUri().getScheme() == null
            && "file".equals(FileSystem.getDefaultUri(hadoop).getScheme());
        Path path = localNames ? new Path(workingDirectory.toString(), argument) : typed;
        FileSystem fs;
        try {
            fs = path.getFileSystem(hadoop);
        } catch (UnsupportedFileSystemException e) {
            throw noFileSystem(argument, path);
        } catch (RuntimeException e) {
            // Hadoop's defaults name classes for some schemes (fs.s3a.impl) whose module may be absent.
            if (e.getCause() instanceof ClassNotFoundException) {
                throw noFileSystem(argument, path);
            }
            throw e;
        }
        FileStatus[] matches = fs.globStatus(path);
        if ((matches == null || matches.length == 0) && isGlob(argument) && fs.exists(path)) {
            // A file whose name merely looks like a glob, such as take[1].wav.
            matches = new FileStatus[] {fs.getFileStatus(path)};
        }
        if (matches == null || matches.length == 0) {
            throw new FileNotFoundException(argument + ": no such file");
        }
        boolean glob = matches.length > 1 || !fs.makeQualified(path).equals(matches[0].getPath());
        List<InputFile> found = new ArrayList<>();
        for (FileStatus match : matches) {
            String matchName = !localNames ? match.getPath().toString()
                : glob ? localName(argument, match.getPath()) : argument;
            if (match.isFile()) {
                found.add(new InputFile(matchName, uri(match.getPath()), match.getLen()));
                continue;
            }
            List<FileStatus> inFolder = new ArrayList<>();
            walk(fs, match.getPath(), inFolder);
            inFolder.sort(Comparator.comparing(status -> relative(match.getPath(), status.getPath())));
            for (FileStatus status : inFolder) {
                String relative = relative(match.getPath(), status.getPath());
                String name = localNames ? Paths.get(matchName).resolve(relative).normalize().toString()
                    : status.getPath().toString();
                found.add(new InputFile(name, uri(status.getPath()), status.getLen()));
            }
        }
        return found;
    }

    private static FileNotFoundException noFileSystem(String argument, Path path) {
        return new FileNotFoundException(argument + ": no file system for '" + path.toUri().getScheme()
            + ":' on the class path (s3a:// needs hadoop-aws and the AWS SDK bundle; see docs/cluster.md)");
    }

    /** The escaped URI ({@code Path.toString()} is for people: it leaves spaces and such as they are). */
    private static String uri(Path path) {
        return path.toUri().toString();
    }

    private static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * Collects the files the filter accepts under a folder, skipping hidden files and folders. Plain
     * {@code listStatus}, not {@code listFiles}: the latter's located statuses read every file's owner and
     * permissions, which Hadoop's local file system does by running {@code stat} once per file.
     */
    private void walk(FileSystem fs, Path folder, List<FileStatus> found) throws IOException {
        RemoteIterator<FileStatus> it = fs.listStatusIterator(folder);
        while (it.hasNext()) {
            FileStatus status = it.next();
            String name = status.getPath().getName();
            if (name.startsWith(".")) {
                continue;
            }
            if (status.isDirectory()) {
                walk(fs, status.getPath(), found);
            } else if (folderFilter.test(name)) {
                found.add(status);
            }
        }
    }

    /** A glob's match named as the argument was: relative to the working directory, or absolute. */
    private String localName(String argument, Path match) {
        java.nio.file.Path file = Paths.get(match.toUri());
        return Paths.get(argument).isAbsolute() ? file.toString() : workingDirectory.relativize(file).toString();
    }

    private static String relative(Path folder, Path file) {
        String base = folder.toUri().getPath();
        String path = file.toUri().getPath();
        String prefix = base.endsWith("/") ? base : base + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : file.getName();
    }
}
