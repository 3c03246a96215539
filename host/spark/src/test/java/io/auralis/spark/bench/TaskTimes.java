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
 * Where a benchmark job's time went, from Spark's own task metrics: the steady rate of a task slot (records per
 * second of task run time, leaving out each executor's first task), what each executor's first task cost beyond
 * that rate (starting the Auralis host, loading classes, warming the JIT), and when executors registered relative
 * to the job's start, when the first task (so the first part file of records) was done, and the tasks' summed
 * run, CPU and GC time. Installed through {@code spark.extraListeners}.
 */
public final class TaskTimes extends SparkListener {
    private static final AtomicLong TASKS = new AtomicLong();
    private static final AtomicLong STEADY_MS = new AtomicLong();
    private static final AtomicLong STEADY_RECORDS = new AtomicLong();
    private static final AtomicLong FIRST_MS = new AtomicLong();
    private static final AtomicLong FIRST_RECORDS = new AtomicLong();
    private static final AtomicLong RUN_MS = new AtomicLong();
    private static final AtomicLong CPU_NS = new AtomicLong();
    private static final AtomicLong DESERIALIZE_MS = new AtomicLong();
    private static final AtomicLong GC_MS = new AtomicLong();
    private static final AtomicLong FIRST_END = new AtomicLong();
    private static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, Long> ADDED = new ConcurrentHashMap<>();
    private static volatile long jobStart;

    /** Created by Spark. */
    public TaskTimes() {
    }

    /** Forgets the previous job. */
    public static void reset() {
        TASKS.set(0);
        STEADY_MS.set(0);
        STEADY_RECORDS.set(0);
        FIRST_MS.set(0);
        FIRST_RECORDS.set(0);
        RUN_MS.set(0);
        CPU_NS.set(0);
        DESERIALIZE_MS.set(0);
        GC_MS.set(0);
        FIRST_END.set(0);
        SEEN.clear();
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
        if (m == null || !end.taskInfo().successful()) {
            return;
        }
        TASKS.incrementAndGet();
        RUN_MS.addAndGet(m.executorRunTime());
        CPU_NS.addAndGet(m.executorCpuTime());
        DESERIALIZE_MS.addAndGet(m.executorDeserializeTime());
        GC_MS.addAndGet(m.jvmGCTime());
        FIRST_END.compareAndSet(0, end.taskInfo().finishTime());
        long records = m.outputMetrics().recordsWritten();
        if (SEEN.putIfAbsent(end.taskInfo().executorId(), Boolean.TRUE) == null) {
            FIRST_MS.addAndGet(m.executorRunTime());
            FIRST_RECORDS.addAndGet(records);
        } else {
            STEADY_MS.addAndGet(m.executorRunTime());
            STEADY_RECORDS.addAndGet(records);
        }
    }

    /**
     * Records per second of one task slot once its executor is warm.
     *
     * @return the rate, or 0 if every task was a first one
     */
    public static double steadyRecordsPerSecond() {
        return STEADY_MS.get() == 0 ? 0 : STEADY_RECORDS.get() * 1000.0 / STEADY_MS.get();
    }

    /**
     * A one-line breakdown.
     *
     * @return the steady rate per task slot, the first tasks' extra cost per executor, executor registration times
     */
    public static String summary() {
        double rate = steadyRecordsPerSecond();
        int executors = Math.max(1, SEEN.size());
        double firstExtra = rate == 0 ? 0 : (FIRST_MS.get() / 1000.0 - FIRST_RECORDS.get() / rate) / executors;
        StringBuilder registered = new StringBuilder();
        ADDED.forEach((id, t) -> registered.append(String.format(Locale.ROOT, " %s@%+.1fs", id,
            (t - jobStart) / 1000.0)));
        return String.format(Locale.ROOT, "tasks %d; steady %.1f files/s per task slot; first task per executor"
            + " %.1f s over that; first task done at %+.1fs; tasks ran %.1f s (CPU %.1f s, GC %.1f s, deserialising"
            + " %.1f s); executors registered (from job start):%s", TASKS.get(), rate, firstExtra,
            (FIRST_END.get() - jobStart) / 1000.0, RUN_MS.get() / 1000.0, CPU_NS.get() / 1e9, GC_MS.get() / 1000.0,
            DESERIALIZE_MS.get() / 1000.0, registered.length() == 0 ? " before the job" : registered);
    }
}
