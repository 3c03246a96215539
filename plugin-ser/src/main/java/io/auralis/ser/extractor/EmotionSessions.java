package io.auralis.ser.extractor;

import io.auralis.api.extractor.ExtractorSession;
import io.auralis.ser.inference.EmotionModel;

/**
 * The extractor's ways of cutting a stream into clips, for callers outside a workflow (the {@code ser predict}
 * command), so that both give the same results.
 */
public final class EmotionSessions {

    private EmotionSessions() {
    }

    /**
     * One prediction for the whole stream.
     *
     * @param model the model
     * @param delivery where the prediction goes
     * @param maxSeconds the longest stream accepted
     * @return a session; its {@code finish} fails for audio shorter than the model's minimum
     */
    public static ClipSession clip(EmotionModel model, EmotionDelivery delivery, double maxSeconds) {
        return new ClipSession(model, model.sampleRate(), delivery, maxSeconds);
    }

    /**
     * One prediction per window; see the {@code window} mode of the extractor.
     *
     * @param model the model
     * @param delivery where the predictions go
     * @param window window length in samples, at least the model's minimum
     * @param hop samples between window starts, positive
     * @return a session
     */
    public static ExtractorSession windows(EmotionModel model, EmotionDelivery delivery, int window, int hop) {
        if (window < model.minimumSamples() || hop < 1) {
            throw new IllegalArgumentException("window of " + window + " samples (minimum " + model.minimumSamples()
                + ") or hop of " + hop + " samples is too small");
        }
        return new WindowSession(model, model.sampleRate(), delivery, window, hop);
    }
}
