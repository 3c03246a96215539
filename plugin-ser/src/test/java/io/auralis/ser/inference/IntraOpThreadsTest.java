package io.auralis.ser.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntraOpThreadsTest {

    @Test
    void predictingThreadsShareTheCoresAndAnExplicitSettingWins() throws Exception {
        IntraOpThreads automatic = new IntraOpThreads(null, 0, 8);
        assertEquals(8, automatic.threadsFor(1));
        assertEquals(4, automatic.threadsFor(2));
        assertEquals(1, automatic.threadsFor(8));
        assertEquals(1, automatic.threadsFor(12));
        IntraOpThreads fixed = new IntraOpThreads(null, 3, 8);
        assertEquals(3, fixed.threadsFor(1));
        assertEquals(3, fixed.threadsFor(12));
    }

    @Test
    void applyingSetsPyTorchsCountForTheCallingThread() throws Exception {
        IntraOpThreads threads = IntraOpThreads.of(Engine.getEngine("PyTorch"));
        AtomicInteger inWorker = new AtomicInteger();
        AtomicInteger inOther = new AtomicInteger();
        Thread worker = new Thread(() -> {
            threads.apply(1000);
            inWorker.set(JniUtils.getNumThreads());
        });
        worker.start();
        worker.join();
        Thread other = new Thread(() -> {
            threads.apply(1);
            inOther.set(JniUtils.getNumThreads());
        });
        other.start();
        other.join();
        assertEquals(1, inWorker.get());
        assertEquals(Runtime.getRuntime().availableProcessors(), inOther.get(), "a lone predicting thread uses every core");
    }
}
