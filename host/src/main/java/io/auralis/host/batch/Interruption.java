package io.auralis.host.batch;

import java.io.IOException;
import java.io.PrintStream;

/**
 * What happens on Ctrl-C during {@code analyze}, run as a shutdown hook: stop the batch, let a record being written
 * finish, close the outputs (later records are dropped), take the progress display down and tell the user how to
 * go on. Outputs therefore end on a complete record, and {@code --resume} picks up where the run stopped.
 */
public final class Interruption implements Runnable {
    private final BatchRunner runner;
    private final RecordOutputs outputs;
    private final BatchProgress progress;
    private final PrintStream err;
    private final boolean resumable;

    /**
     * Creates the hook's work.
     *
     * @param runner the batch
     * @param outputs its outputs
     * @param progress its display
     * @param err where to say what happened
     * @param resumable whether the outputs are files that {@code --resume} can continue
     */
    public Interruption(BatchRunner runner, RecordOutputs outputs, BatchProgress progress, PrintStream err,
            boolean resumable) {
        this.runner = runner;
        this.outputs = outputs;
        this.progress = progress;
        this.err = err;
        this.resumable = resumable;
    }

    @Override
    public void run() {
        runner.stop();
        String problem = null;
        try {
            outputs.close();
        } catch (IOException e) {
            problem = e.getMessage();
        }
        progress.close();
        if (problem != null) {
            err.println("auralis: " + problem);
        }
        err.println("auralis: interrupted; every record written is complete"
            + (resumable ? "; run the same command with --resume to analyse the rest" : ""));
        err.flush();
    }
}
