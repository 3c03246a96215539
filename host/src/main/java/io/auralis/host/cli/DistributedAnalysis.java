package io.auralis.host.cli;

import io.auralis.api.command.CommandContext;
import io.auralis.host.batch.DistributedRunner;
import io.auralis.api.command.UsageException;
import io.auralis.host.engine.AnalysisServices;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * {@code analyze --master}: the workflow, validated here, runs as a distributed job with this command as its
 * driver, through the {@link DistributedRunner} on the class path that accepts the master (the Spark module's,
 * which {@code bin/auralis} puts on the class path from the Spark add-on when {@code --master} is given). The job
 * carries the workflow's bytes as they were validated and the run's device, so executors neither read the file again
 * nor fall back to a device of their own.
 */
final class DistributedAnalysis {

    private DistributedAnalysis() {
    }

    /**
     * Hands the run to the runner that accepts the master.
     *
     * @param options the checked flags, {@code master} set
     * @param workflow the validated workflow and its bytes
     * @param device the compute device ({@code --device})
     * @param home the installation folder
     * @param services the running host, which a local-mode job may use
     * @param context streams and working directory
     * @return the runner's exit code
     * @throws UsageException for flags that are for local runs only, or no runner for the master
     */
    static int run(AnalyzeOptions options, ChosenWorkflow workflow, String device, Path home,
            AnalysisServices services, CommandContext context) throws UsageException {
        String master = options.master();
        if (options.workersGiven()) {
            throw new UsageException("analyze: --workers is for local runs; with --master the executors' cores set "
                + "how many files are analysed at once");
        }
        // Not silently ignored: a distributed output folder is never replaced, and has its own limits.
        if (options.force()) {
            throw new UsageException("analyze: --force is for local runs, not with --master");
        }
        if (options.timeoutGiven()) {
            throw new UsageException("analyze: --file-timeout is for local runs, not with --master");
        }
        DistributedRunner runner = null;
        for (DistributedRunner candidate : ServiceLoader.load(DistributedRunner.class)) {
            if (candidate.accepts(master)) {
                runner = candidate;
                break;
            }
        }
        if (runner == null) {
            throw new UsageException(missingAddon(master, home));
        }
        return runner.run(new DistributedRunner.Job(master, options.executorMemory(), workflow.workflow(),
            workflow.json(), device, options.inputs(), options.output(), options.format(), options.summary(),
            options.resume(), home, services), context);
    }

    /** One line naming what to install and where: the core installation ships without Spark. */
    static String missingAddon(String master, Path home) {
        String version = DistributedAnalysis.class.getPackage().getImplementationVersion();
        return "analyze: --master " + master + " needs the Spark add-on, which is not in "
            + DistributedRunner.sparkAddon(home) + ": unpack auralis-spark-addon-"
            + (version != null ? version : "VERSION") + ".tar.gz into " + home
            + " (it holds addons/spark/), or set AURALIS_SPARK_ADDON to the add-on's folder";
    }
}
