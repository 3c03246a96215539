package io.auralis.host.cli;

import io.auralis.api.command.CommandHelp;
import io.auralis.api.command.InputFiles;
import java.io.PrintStream;
import java.util.Collection;
import org.apache.commons.cli.Options;

/** {@code analyze --help}: the usage, what the command does, its options, the installed writers and exit codes. */
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
                + "16000 | auralis analyze -'; or raw PCM with --raw-rate) and writes one record per speech segment to "
                + "standard output, flushed as soon as the segment is final: {\"file\":\"-\",\"duration\":<the "
                + "segment's>,...,\"outputs\":{\"segments.speech\":[<the segment: time, duration>],<every other output's "
                + "features whose time falls in it>},\"error\":null}. The workflow must write a segment output; steps "
                + "with a 'batch' parameter (auralis.ser) predict each segment at once unless the workflow sets it.");
        BuiltinCommand.addOptions(help, "Options:", options)
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
