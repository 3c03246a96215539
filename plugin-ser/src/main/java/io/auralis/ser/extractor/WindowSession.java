package io.auralis.ser.extractor;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.inference.EmotionPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * One emotion per window of {@code window} samples, windows starting every {@code hop} samples. Holds at most
 * one window of audio plus a batch of windows waiting for the network; the last, shorter window covers audio after
 * the last full window when there is any and it is long enough for the network.
 */
final class WindowSession extends EmotionSession {
    /** Windows predicted together: equal lengths, so batching never changes a result. */
    static final int BATCH = 8;

    private final int window;
    private final int hop;
    private final AudioHistory audio;
    private final List<long[]> spans = new ArrayList<>();
    private final List<float[]> clips = new ArrayList<>();
    private long next;
    private long covered;
    private boolean emitted;

    WindowSession(EmotionModel model, int rate, EmotionDelivery delivery, int window, int hop) {
        super(model, rate, delivery);
        this.window = window;
        this.hop = hop;
        // bounded by discarding after each window, not by capacity: a block may be longer than a window
        this.audio = new AudioHistory(Long.MAX_VALUE);
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) throws ExtractionException {
        audio.append(block);
        while (next + window <= audio.end()) {
            queue(next, next + window);
            covered = next + window;
            next += hop;
            audio.discardBefore(next);
            if (clips.size() >= BATCH) {
                flush(sink);
            }
        }
    }

    @Override
    public void finish(FeatureSink sink) throws ExtractionException {
        long end = audio.end();
        if (end > covered && next < end) {
            if (end - next >= model.minimumSamples()) {
                queue(next, end);
            } else if (!emitted && clips.isEmpty()) {
                throw new ExtractionException(tooShort(end));
            }
        }
        flush(sink);
    }

    private void queue(long from, long to) {
        spans.add(new long[] {from, to});
        clips.add(audio.copy(from, to));
    }

    private void flush(FeatureSink sink) throws ExtractionException {
        if (clips.isEmpty()) {
            return;
        }
        List<EmotionPrediction> results = predict(clips);
        for (int i = 0; i < results.size(); i++) {
            emit(sink, results.get(i), spans.get(i)[0], spans.get(i)[1]);
        }
        emitted = true;
        spans.clear();
        clips.clear();
    }
}
