package io.auralis.host.cli;

import io.auralis.host.batch.InputFiles;
import io.auralis.host.text.TextTable;
import java.io.PrintStream;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code analyze --help}: the usage, what the command does, its options and its exit codes. */
final class AnalyzeHelp {
    private static final int WIDTH = 100;

    private AnalyzeHelp() {
    }

    /**
     * Prints the help, wrapped at {@value #WIDTH} columns.
     *
     * @param options the command's options
     * @param out where to
     */
    static void print(Options options, PrintStream out) {
        out.println("Usage: auralis analyze [options] <file|folder>...");
        out.println();
        paragraph(out, "Runs a workflow over audio files and folders and writes one record per file, in input order. "
            + "Folders are searched recursively for " + String.join(", ", InputFiles.AUDIO_EXTENSIONS.stream()
            .sorted().toList()) + " files; files named explicitly are always analysed. Progress and errors go to "
            + "standard error.");
        out.println();
        out.println("Options:");
        // Four spaces between an option and its description, as this help has always had.
        TextTable table = new TextTable(2).gap(4);
        for (Option o : options.getOptions()) {
            table.add(BuiltinCommand.optionName(o), o.getDescription());
        }
        table.wrapLastColumn(WIDTH).print(out, 2);
        out.println();
        paragraph(out, "Exit codes: 0 every file analysed; 1 some files failed (their records carry the error); "
            + "2 bad usage, input or workflow (nothing run, no output touched); 130 interrupted (Ctrl-C), which "
            + "leaves only complete records: run the same command with --resume to finish.");
        out.flush();
    }

    private static void paragraph(PrintStream out, String text) {
        TextTable.wrap(text, WIDTH).forEach(out::println);
    }
}
