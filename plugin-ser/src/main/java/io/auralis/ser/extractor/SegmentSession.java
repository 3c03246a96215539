package io.auralis.ser.extractor;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.ser.inference.EmotionModel;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * One emotion per segment of an upstream segmenter. A segment arrives after the audio it spans, so the session
 * keeps recent audio: everything since the start of the last segment received, but never more than
 * {@code bufferSeconds}, which must cover the longest segment the segmenter emits plus its delay. Segments
 * shorter than the network's minimum get no emotion. Segments are predicted {@code batch} at a time (and the
 * rest when the file ends), so that the model batches them; live input asks for 1, each segment at once.
 */
final class SegmentSession extends EmotionSession {
    private final String input;
    private final double bufferSeconds;
    private final AudioHistory audio;

    SegmentSession(EmotionModel model, int rate, EmotionDelivery delivery, String input, double bufferSeconds,
                   int batch) {
        super(model, rate, delivery, batch);
        this.input = input;
        this.bufferSeconds = bufferSeconds;
        this.audio = new AudioHistory(Math.round(bufferSeconds * rate));
    }

    @Override
    public void process(AudioBlock block, FeatureSink sink) {
        audio.append(block);
    }

    @Override
    public void consume(String inputId, Feature segment, FeatureSink sink) throws ExtractionException {
        if (!input.equals(inputId)) {
            return;
        }
        long from = Math.max(0, Math.round(segment.time * rate));
        long to = Math.min(audio.end(), Math.round(segment.end() * rate));
        if (from < audio.start()) {
            throw new ExtractionException(String.format(Locale.ROOT, "the segment at %.2f s reached the emotion "
                + "extractor after the %.0f s of audio it keeps for segments; raise its 'buffer' parameter above "
                + "the segmenter's maxSegment plus a second or two", segment.time, bufferSeconds));
        }
        if (to - from >= model.minimumSamples()) {
            queue(audio.copy(from, to), from, to, sink);
        }
        // features of one input arrive in time order, so no later segment starts earlier than this one
        audio.discardBefore(from);
    }

    @Override
    public void finish(FeatureSink sink) throws ExtractionException {
        // every segment has been consumed by now
        flush(sink);
    }

    /** The segments still held go to the model without waiting; their emotions follow from the model's thread. */
    @Override
    public CompletionStage<Void> finishAsync(FeatureSink sink) {
        return flushLater(sink);
    }
}
