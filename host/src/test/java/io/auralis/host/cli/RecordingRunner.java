package io.auralis.host.cli;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.host.batch.DistributedRunner;

/**
 * A distributed runner for {@code --master recording:...} that only keeps the job it was handed, for tests of what
 * {@code analyze} gives a cluster. Found through {@link java.util.ServiceLoader} on the test class path.
 */
public final class RecordingRunner implements DistributedRunner {
    /** The last job run, or {@code null}. */
    static volatile Job last;

    /** Created by {@link java.util.ServiceLoader}. */
    public RecordingRunner() {
    }

    @Override
    public boolean accepts(String master) {
        return master.startsWith("recording:");
    }

    @Override
    public int run(Job job, CommandContext context) {
        last = job;
        return Command.OK;
    }
}
