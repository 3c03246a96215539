package io.auralis.extractors.segment;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.Parameters;

/**
 * The parameters of one segmenter session, in the units of the descriptor.
 *
 * @param thresholdDb absolute level a frame must exceed to be speech, dBFS
 * @param marginDb how far above the noise floor a frame must be to start speech, dB
 * @param hysteresisDb how far below the start threshold speech may dip and continue, dB
 * @param minSpeech shortest stretch kept as speech, s
 * @param minSilence shortest pause that ends a segment; shorter pauses are bridged, s
 * @param padding added before and after each segment, s
 * @param maxSegment longest segment emitted; longer speech is split, s
 * @param noiseWindow how much recent audio the noise floor is estimated from, s
 */
record SegmenterSettings(double thresholdDb, double marginDb, double hysteresisDb, double minSpeech,
        double minSilence, double padding, double maxSegment, double noiseWindow) {

    static SegmenterSettings from(Parameters p) throws ExtractionException {
        try {
            return new SegmenterSettings(p.getDouble(SpeechSegmenter.THRESHOLD_DB),
                p.getDouble(SpeechSegmenter.MARGIN_DB), p.getDouble(SpeechSegmenter.HYSTERESIS_DB),
                p.getDouble(SpeechSegmenter.MIN_SPEECH), p.getDouble(SpeechSegmenter.MIN_SILENCE),
                p.getDouble(SpeechSegmenter.PADDING), p.getDouble(SpeechSegmenter.MAX_SEGMENT),
                p.getDouble(SpeechSegmenter.NOISE_WINDOW));
        } catch (IllegalArgumentException e) {
            throw new ExtractionException(SpeechSegmenter.ID + ": " + e.getMessage(), e);
        }
    }
}
