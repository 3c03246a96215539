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
        paragraph(out, "Live input: 'auralis analyze -' reads standard input as it arrives (a WAV, whose size a pipe "
            + "may leave unknown, as in 'ffmpeg -i call.mp3 -f wav - | auralis analyze -' or 'arecord -f S16_LE -r "
            + "16000 | auralis analyze -'; or raw PCM with --raw-rate) and writes one record per speech segment to "
            + "standard output, flushed as soon as the segment is final: {\"file\":\"-\",\"duration\":<the "
            + "segment's>,...,\"outputs\":{\"segments.speech\":[<the segment: time, duration>],<every other output's "
            + "features whose time falls in it>},\"error\":null}. The workflow must write a segment output; steps "
            + "with a 'batch' parameter (auralis.ser) predict each segment at once unless the workflow sets it.");
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
