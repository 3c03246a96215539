package io.auralis.host.cli;

import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.InputFiles;
import io.auralis.api.output.SummaryFeatures;
import java.io.PrintStream;
import java.util.Collection;
import org.apache.commons.cli.Options;

/**
 * {@code analyze --help}: the usage, what the command does, its options, summaries and the frame table, the
 * installed writers and exit codes.
 */
final class AnalyzeHelp {

    private AnalyzeHelp() {
    }

    /**
     * Prints the help in the platform's layout.
     *
     * @param options the command's options
     * @param formats the formats of the installed writers, or {@code null} when the framework could not start
     * @param out where to
     */
    static void print(Options options, Collection<String> formats, PrintStream out) {
        CommandHelp help = new CommandHelp("auralis analyze [options] <file|folder>...")
            .paragraph("Runs a workflow over audio files and folders and writes one record per file, in input order. "
                + "Folders are searched recursively for " + String.join(", ", InputFiles.AUDIO_EXTENSIONS.stream()
                .sorted().toList()) + " files; files named explicitly are always analysed. WAV, FLAC, AIFF and AU "
                + "are read directly; every other format (MP3, Ogg, Opus, M4A, AAC, ...) needs ffmpeg installed. "
                + "Progress and errors go to standard error.")
            .paragraph("Live input: 'auralis analyze -' reads standard input as it arrives (a WAV, whose size a pipe "
                + "may leave unknown, as in 'ffmpeg -i call.mp3 -f wav - | auralis analyze -' or 'arecord -f S16_LE -r "
                + "16000 | auralis analyze -'; or raw PCM with --raw-rate) and writes one record per speech segment as "
                + "soon as the segment is final, to standard output (flushed) or to each --output FILE (jsonl, csv; "
                + "claimed, and never replaced without --force, as in a file run): {\"file\":\"-\",\"time\":<where "
                + "the segment starts, s from the start of the stream>,\"end\":<where it ends>,\"duration\":<the "
                + "segment's>,...,\"outputs\":{\"segments.speech\":[<the segment>],<every other output's features "
                + "whose time falls in it>},\"error\":null}. The workflow must write a segment output; steps with a "
                + "'batch' parameter (auralis.ser) predict each segment at once unless the workflow sets it.");
        BuiltinCommand.addOptions(help, "Options:", options)
            .paragraph("Summaries: --summary file adds to each record, after its outputs, "
                + SummaryFeatures.key("STEP.OUTPUT") + " for every output with a fixed number of values: six "
                + "features labelled " + String.join(", ", SummaryFeatures.STATISTICS) + ", each holding that "
                + "statistic of every value over its finite values (median: the mean of the two middle values of an "
                + "even count; sd: divided by the count, as Sonic Annotator and numpy do, where pandas' std() divides "
                + "by the count less one). --summary segments counts only the features whose time falls inside a "
                + "segment of the workflow's first segment output (segments.speech). A value with nothing to "
                + "summarise has the count 0 and null (an empty cell) for the rest.")
            .paragraph("Frame table: --format csv-wide writes file, time and a column per value of every output "
                + "with one feature per block or at a fixed rate (f0, dbfs, ...): a row per time at which any of "
                + "them has a feature (the union of their times), with empty cells where an output has none there. "
                + "Segments, emotions and summaries are left out of it: the csv and jsonl formats hold them.")
            .paragraph(formats == null ? "Formats: those of the installed writers (none are listed here: the "
                + "installation could not be started)."
                : "Formats of the installed writers (--format): " + String.join(", ", formats.stream().sorted()
                .toList()) + ".")
            .paragraph("Exit codes: 0 every file analysed; 1 some files failed (their records carry the error); "
                + "2 bad usage, input or workflow (nothing run, no output touched); 130 interrupted (Ctrl-C), which "
                + "leaves only complete records: run the same command with --resume to finish.")
            .print(out);
    }
}
