package io.auralis.spark.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Where a benchmark job's time went, from Spark's own task metrics: time tasks spent running (analysis, encoding,
 * writing the part file), deserializing, and waiting for executors. Installed through {@code spark.extraListeners}.
 */
public final class TaskTimes extends SparkListener {
    private static final AtomicLong TASKS = new AtomicLong();
    private static final AtomicLong RUN_MS = new AtomicLong();
    private static final AtomicLong DESERIALIZE_MS = new AtomicLong();
    private static final AtomicLong FIRST_TASK_MS = new AtomicLong();
    private static final Map<String, Long> FIRST_TASK_END = new ConcurrentHashMap<>();
    private static final Map<String, Long> ADDED = new ConcurrentHashMap<>();
    private static volatile long jobStart;

    /** Created by Spark. */
    public TaskTimes() {
    }

    /** Forgets the previous job. */
    public static void reset() {
        TASKS.set(0);
        RUN_MS.set(0);
        DESERIALIZE_MS.set(0);
        FIRST_TASK_MS.set(0);
        FIRST_TASK_END.clear();
        ADDED.clear();
        jobStart = 0;
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        ADDED.put(added.executorId(), added.time());
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        jobStart = start.time();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        TASKS.incrementAndGet();
        RUN_MS.addAndGet(m.executorRunTime());
        DESERIALIZE_MS.addAndGet(m.executorDeserializeTime());
        if (FIRST_TASK_END.putIfAbsent(end.taskInfo().executorId(), end.taskInfo().finishTime()) == null) {
            FIRST_TASK_MS.addAndGet(m.executorRunTime());
        }
    }

    /**
     * A one-line breakdown.
     *
     * @return tasks, summed run and deserialization times, the first task per executor (which starts the host),
     *     and when executors registered relative to the job's start
     */
    public static String summary() {
        StringBuilder registered = new StringBuilder();
        ADDED.forEach((id, t) -> registered.append(String.format(Locale.ROOT, " %s@%+.1fs", id,
            (t - jobStart) / 1000.0)));
        return String.format(Locale.ROOT,
            "tasks %d, run %.1f s (first task per executor %.1f s), deserialize %.1f s; executors registered:%s",
            TASKS.get(), RUN_MS.get() / 1000.0, FIRST_TASK_MS.get() / 1000.0, DESERIALIZE_MS.get() / 1000.0,
            registered);
    }
}
