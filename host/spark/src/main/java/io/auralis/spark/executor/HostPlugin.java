package io.auralis.spark.executor;

import io.auralis.spark.job.SparkSettings;
import java.util.Map;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Starts each executor's Auralis host as the executor starts ({@code spark.plugins}), while the driver is still
 * listing inputs and submitting the job, instead of in the executor's first task; and stops it when the executor
 * shuts down. Without the plugin, the first task starts the host itself.
 */
public final class HostPlugin implements SparkPlugin {
    /** Created by Spark from {@code spark.plugins}. */
    public HostPlugin() {
    }

    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                ExecutorRuntime.prestart(context.conf().get(SparkSettings.HOME, null),
                    context.conf().get(SparkSettings.DEVICE, "auto"));
            }

            @Override
            public void shutdown() {
                ExecutorRuntime.stop();
            }
        };
    }
}
