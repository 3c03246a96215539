package io.auralis.spark.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Kills one executor process in the middle of a job: once {@link #armAfter} tasks have succeeded, the JVM of an
 * executor that is running a task is killed (SIGKILL), so that task is lost with whatever it had done, while
 * other tasks are still waiting. Installed on the driver through {@code spark.extraListeners}; the test arms it.
 */
public final class ExecutorKiller extends SparkListener {
    private static volatile LoopbackCluster cluster;
    private static volatile int armAfter = Integer.MAX_VALUE;
    private static final AtomicBoolean KILLED = new AtomicBoolean();
    private static final AtomicInteger REMOVED = new AtomicInteger();
    private static volatile String killedExecutor;

    private final Map<String, Integer> running = new ConcurrentHashMap<>();
    private final AtomicInteger succeeded = new AtomicInteger();

    /** Created by Spark from {@code spark.extraListeners}. */
    public ExecutorKiller() {
    }

    /**
     * Arms the killer for the next job.
     *
     * @param on the cluster whose executors to kill
     * @param afterTasks how many tasks must have succeeded first
     */
    public static void arm(LoopbackCluster on, int afterTasks) {
        cluster = on;
        armAfter = afterTasks;
        KILLED.set(false);
        REMOVED.set(0);
        killedExecutor = null;
    }

    /**
     * The executor that was killed.
     *
     * @return its Spark id, if one was killed
     */
    public static Optional<String> killed() {
        return Optional.ofNullable(killedExecutor);
    }

    /**
     * How many executors the driver saw removed since {@link #arm}.
     *
     * @return a count
     */
    public static int removed() {
        return REMOVED.get();
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        running.merge(start.taskInfo().executorId(), 1, Integer::sum);
        maybeKill();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        running.merge(end.taskInfo().executorId(), -1, Integer::sum);
        if (end.taskInfo().successful()) {
            succeeded.incrementAndGet();
        }
        maybeKill();
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        REMOVED.incrementAndGet();
    }

    private void maybeKill() {
        LoopbackCluster target = cluster;
        if (target == null || succeeded.get() < armAfter || KILLED.get()) {
            return;
        }
        for (Map.Entry<String, Integer> busy : running.entrySet()) {
            if (busy.getValue() > 0) {
                Optional<ProcessHandle> process = target.executor(busy.getKey());
                if (process.isPresent() && KILLED.compareAndSet(false, true)) {
                    killedExecutor = busy.getKey();
                    process.get().destroyForcibly();
                    return;
                }
            }
        }
    }
}
