package io.auralis.ser.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InferenceQueueTest {
    private static final List<String> CLASSES = List.of("a", "b");

    /** A fake network whose "prediction" of a clip is its length, so each caller can check it got its own. */
    private static EmotionPrediction lengthOf(float[] clip) {
        return new EmotionPrediction(CLASSES, new float[] {clip.length, 0});
    }

    /** A network that records each batch's size and holds every batch until {@code release} opens. */
    private static InferenceQueue.Network held(List<Integer> batchSizes, CountDownLatch running,
                                               CountDownLatch release) {
        return batch -> {
            batchSizes.add(batch.size());
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new TranslateException(e);
            }
            return batch.stream().map(InferenceQueueTest::lengthOf).toList();
        };
    }

    @Test
    void clipsOfThreadsWaitingTogetherShareOneBatchAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        InferenceQueue.Network network = held(batchSizes, firstRunning, release);
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try (InferenceQueue queue = new InferenceQueue("test", network, 32)) {
            Future<List<EmotionPrediction>> first = callers.submit(() -> queue.predict(List.of(new float[1000])));
            assertTrue(firstRunning.await(30, TimeUnit.SECONDS), "the first clip never reached the network");
            List<Future<List<EmotionPrediction>>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int length = 1000 + i;
                others.add(callers.submit(() -> queue.predict(List.of(new float[length]))));
            }
            // let the eight callers queue up behind the running batch
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (queue.waiting() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();
            assertEquals(1000, first.get(30, TimeUnit.SECONDS).get(0).logProbabilities()[0]);
            for (int i = 0; i < 8; i++) {
                assertEquals(1000 + i, others.get(i).get(30, TimeUnit.SECONDS).get(0).logProbabilities()[0]);
            }
            assertEquals(List.of(1, 8), batchSizes, "the eight waiting clips should have run as one batch");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void clipsSubmittedWithoutWaitingFillWholeBatchesFromOneCaller() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        InferenceQueue.Network network = held(batchSizes, firstRunning, release);
        try (InferenceQueue queue = new InferenceQueue("test", network, 32)) {
            List<CompletableFuture<EmotionPrediction>> results = new ArrayList<>(queue.submit(List.of(new float[900])));
            assertTrue(firstRunning.await(30, TimeUnit.SECONDS), "the first clip never reached the network");
            // one caller, as ser predict's worker: 64 files' clips handed in while the first batch runs
            for (int i = 0; i < 64; i++) {
                results.addAll(queue.submit(List.of(new float[1000 + i])));
            }
            release.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i == 0 ? 900 : 999 + i, InferenceQueue.await(results.get(i)).logProbabilities()[0]);
            }
            assertEquals(List.of(1, 32, 32), batchSizes, "64 waiting clips make two full batches");
        }
    }

    @Test
    void withTwoInferenceThreadsTwoWaitingClipsRunSideBySide() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        InferenceQueue.Network network = batch -> {
            both.countDown();
            try {
                // each forward pass waits for the other: only two threads running at once get past this
                if (!both.await(30, TimeUnit.SECONDS)) {
                    throw new TranslateException("the second clip never ran beside the first");
                }
            } catch (InterruptedException e) {
                throw new TranslateException(e);
            }
            return batch.stream().map(InferenceQueueTest::lengthOf).toList();
        };
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (InferenceQueue queue = new InferenceQueue("test", network, 32, 2)) {
            Future<List<EmotionPrediction>> a = callers.submit(() -> queue.predict(List.of(new float[100])));
            Future<List<EmotionPrediction>> b = callers.submit(() -> queue.predict(List.of(new float[3000])));
            assertEquals(100, a.get(60, TimeUnit.SECONDS).get(0).logProbabilities()[0]);
            assertEquals(3000, b.get(60, TimeUnit.SECONDS).get(0).logProbabilities()[0]);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void batchesHoldClipsOfSimilarLengthAndAtMostTheBatchSize() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        InferenceQueue.Network network = batch -> {
            batches.add(batch.stream().map(c -> c.length).toList());
            return batch.stream().map(InferenceQueueTest::lengthOf).toList();
        };
        try (InferenceQueue queue = new InferenceQueue("test", network, 3)) {
            List<float[]> clips = new ArrayList<>();
            for (int length : new int[] {3000, 100, 140, 110, 120, 2000}) {
                clips.add(new float[length]);
            }
            List<EmotionPrediction> results = queue.predict(clips);
            for (int i = 0; i < clips.size(); i++) {
                assertEquals(clips.get(i).length, results.get(i).logProbabilities()[0], "result of clip " + i);
            }
            for (List<Integer> batch : batches) {
                assertTrue(batch.size() <= 3, "batch larger than the batch size: " + batch);
                int shortest = Collections.min(batch);
                int longest = Collections.max(batch);
                assertTrue(longest <= InferenceQueue.MAX_PADDING_RATIO * shortest, "too much padding: " + batch);
            }
        }
    }

    @Test
    void aFailingBatchFailsItsOwnCallersAndTheQueueServesTheNext() throws Exception {
        InferenceQueue.Network network = batch -> {
            if (batch.get(0).length == 666) {
                throw new TranslateException("broken clip");
            }
            return batch.stream().map(InferenceQueueTest::lengthOf).toList();
        };
        try (InferenceQueue queue = new InferenceQueue("test", network, 32)) {
            TranslateException e = assertThrows(TranslateException.class, () -> queue.predict(List.of(new float[666])));
            assertEquals("broken clip", e.getMessage());
            assertThrows(OutOfMemoryError.class, () -> new InferenceQueue("oom", b -> {
                throw new OutOfMemoryError("Java heap space");
            }, 4).predict(List.of(new float[10])));
            assertEquals(500, queue.predict(List.of(new float[500])).get(0).logProbabilities()[0]);
        }
    }

    @Test
    void closingTheQueueReleasesCallersStillWaiting() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        InferenceQueue queue = new InferenceQueue("test", batch -> {
            running.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.stream().map(InferenceQueueTest::lengthOf).toList();
        }, 1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            callers.submit(() -> queue.predict(List.of(new float[10])));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            Future<List<EmotionPrediction>> waiting = callers.submit(() -> queue.predict(List.of(new float[20])));
            Thread.sleep(50);
            queue.close();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.get(30, TimeUnit.SECONDS));
            // a waiting clip fails as a prediction does, and says why in the words every command uses
            assertTrue(e.getCause() instanceof ai.djl.translate.TranslateException, e.getCause().toString());
            assertEquals("emotion inference failed: the model was closed before the clip was predicted",
                EmotionModel.failure(e));
            assertThrows(IllegalStateException.class, () -> queue.predict(List.of(new float[10])));
        } finally {
            callers.shutdownNow();
        }
    }
}
