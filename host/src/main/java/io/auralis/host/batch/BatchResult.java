package io.auralis.host.batch;

import io.auralis.host.text.HumanUnits;
import io.auralis.api.command.Command;

import java.util.Locale;

/**
 * What a batch did.
 *
 * @param files records written
 * @param ok records of files analysed without error
 * @param failed records with an error
 * @param audioSeconds audio in the records written
 * @param wallSeconds time the batch took
 * @param interrupted whether it was stopped before the end (Ctrl-C)
 * @param writeError why the outputs could not take more records, or {@code null}
 */
public record BatchResult(int files, int ok, int failed, double audioSeconds, double wallSeconds,
        boolean interrupted, String writeError) {

    /**
     * The exit code: {@link Command#OK} when every file was analysed and written, else
     * {@link Command#PARTIAL_FAILURE}.
     *
     * @return the code
     */
    public int exitCode() {
        return failed == 0 && !interrupted && writeError == null ? Command.OK : Command.PARTIAL_FAILURE;
    }

    /**
     * The summary line, such as {@code analysed 12 files: 11 ok, 1 failed; 0.25 h of audio in 42.1 s (21.4 audio
     * seconds per second)}.
     *
     * @return one line without the {@code auralis: } prefix
     */
    public String summary() {
        String speed = wallSeconds > 0
            ? String.format(Locale.ROOT, " (%.1f audio seconds per second)", audioSeconds / wallSeconds) : "";
        return "analysed " + files + (files == 1 ? " file: " : " files: ") + ok + " ok, " + failed + " failed; "
            + HumanUnits.hours(audioSeconds) + " of audio in " + HumanUnits.span(wallSeconds) + speed;
    }
}
