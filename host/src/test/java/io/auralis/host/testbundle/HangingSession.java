package io.auralis.host.testbundle;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;

/** {@link HangingExtractor}'s session: a class of its own, since test bundles carry only the classes named. */
public class HangingSession implements ExtractorSession {
    private final boolean hang;
    private final long hangMillis;

    /**
     * Creates a session.
     *
     * @param hang whether {@code process} blocks
     * @param hangMillis for how long, deaf to interrupts
     */
    public HangingSession(boolean hang, long hangMillis) {
        this.hang = hang;
        this.hangMillis = hangMillis;
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) {
        long until = System.currentTimeMillis() + hangMillis;
        while (hang && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.max(1, until - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                // Deaf to interrupts, as a stuck native call would be.
            }
        }
        sink.emit("v", Feature.of(block.startTime(), block.duration(), 1));
    }

    @Override
    public void finish(FeatureSink sink) {
    }
}
