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
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the paths, folders and globs a user names into input files, on the driver, through Hadoop's file
 * systems: anything Spark can read ({@code file:}, {@code hdfs://}, {@code s3a://} with the matching modules on the
 * class path) can be analysed.
 *
 * <p>A path without a scheme belongs to the default file system ({@code fs.defaultFS}, the local one unless the
 * cluster's Hadoop configuration says otherwise), as everywhere in Spark. Files named explicitly are taken whatever
 * their name; under folders, only files the filter accepts, skipping hidden ones ({@code .name}, {@code _name}),
 * in path order.
 */
public final class InputListing {
    private final Configuration hadoop;
    private final Predicate<String> folderFilter;

    /**
     * Creates a listing.
     *
     * @param hadoop the Hadoop configuration of the Spark context
     * @param folderFilter which file names to take from folders (audio extensions)
     */
    public InputListing(Configuration hadoop, Predicate<String> folderFilter) {
        this.hadoop = hadoop;
        this.folderFilter = folderFilter;
    }

    /**
     * Lists every input file the arguments name, each once, in argument order.
     *
     * @param arguments paths, folders or globs as the user typed them
     * @return the files
     * @throws FileNotFoundException if an argument names nothing; the message names the argument
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
        Path path = new Path(argument);
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            throw new FileNotFoundException(argument + ": no such file or folder");
        }
        Naming naming = new Naming(argument, path, fs);
        List<InputFile> found = new ArrayList<>();
        for (FileStatus match : matches) {
            String matchName = matches.length == 1 && !isGlob(argument) ? naming.asTyped() : naming.of(match.getPath());
            if (match.isFile()) {
                found.add(new InputFile(matchName, match.getPath().toString(), match.getLen()));
                continue;
            }
            List<LocatedFileStatus> inFolder = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
            while (it.hasNext()) {
                LocatedFileStatus status = it.next();
                String relative = relative(match.getPath(), status.getPath());
                if (!hidden(relative) && folderFilter.test(status.getPath().getName())) {
                    inFolder.add(status);
                }
            }
            inFolder.sort(Comparator.comparing(status -> status.getPath().toString()));
            for (LocatedFileStatus status : inFolder) {
                found.add(new InputFile(join(matchName, relative(match.getPath(), status.getPath())),
                    status.getPath().toString(), status.getLen()));
            }
        }
        return found;
    }

    private static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Hidden anywhere below the folder: Hadoop's convention for markers and checksums, and dot files. */
    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path folder, Path file) {
        String base = folder.toUri().getPath();
        String path = file.toUri().getPath();
        String prefix = base.endsWith("/") ? base : base + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : file.getName();
    }

    private static String join(String folder, String relative) {
        return folder.endsWith("/") ? folder + relative : folder + "/" + relative;
    }

    /** Names records the way the user wrote the argument: relative stays relative, URIs stay URIs. */
    private static final class Naming {
        private final String argument;
        private final boolean typedWithScheme;
        private final boolean local;
        private final boolean absolute;

        Naming(String argument, Path path, FileSystem fs) {
            this.argument = argument;
            this.typedWithScheme = path.toUri().getScheme() != null;
            this.local = "file".equals(fs.getUri().getScheme());
            this.absolute = path.isAbsolute();
        }

        String asTyped() {
            return argument.length() > 1 && argument.endsWith("/") ? argument.substring(0, argument.length() - 1)
                : argument;
        }

        String of(Path match) {
            if (typedWithScheme || !local) {
                return match.toString();
            }
            String file = match.toUri().getPath();
            if (absolute) {
                return file;
            }
            return Paths.get("").toAbsolutePath().relativize(Paths.get(match.toUri())).toString();
        }
    }
}
