package io.auralis.extractors.segment;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import io.auralis.extractors.loudness.Decibels;

import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * {@code auralis.segmenter}: splits a recording into speech and silence segments by energy, streaming.
 *
 * <p>The audio is high-passed at 80 Hz and measured in 20 ms frames every 10 ms. A frame is speech when its level
 * exceeds both an absolute threshold and the noise floor (the 5th percentile of the frame levels over the last
 * {@code noiseWindow} seconds and the next half second) plus a margin, with hysteresis. Pauses shorter than
 * {@code minSilence} are bridged, stretches shorter than {@code minSpeech} are dropped, segments are padded and
 * split so that none exceeds {@code maxSegment}. Segments are emitted as soon as they are decided, in time order,
 * so consumers such as the emotion extractor buffer a bounded amount of audio. See {@link SegmentTracker}.
 */
@Component(service = FeatureExtractor.class)
public class SpeechSegmenter implements FeatureExtractor {

    /** The extractor's identifier in workflows. */
    public static final String ID = "auralis.segmenter";

    /** The speech segments output, whose features are labelled {@code speech}. */
    public static final String SPEECH = "speech";

    /** The silence segments output, whose features are labelled {@code silence}. */
    public static final String SILENCE = "silence";

    static final String THRESHOLD_DB = "thresholdDb";
    static final String MARGIN_DB = "marginDb";
    static final String HYSTERESIS_DB = "hysteresisDb";
    static final String MIN_SPEECH = "minSpeech";
    static final String MIN_SILENCE = "minSilence";
    static final String PADDING = "padding";
    static final String MAX_SEGMENT = "maxSegment";
    static final String NOISE_WINDOW = "noiseWindow";

    /** Creates the extractor; it holds no state. */
    public SpeechSegmenter() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Speech segmenter";
        d.version = "1.0.0";
        d.description = "Energy-based speech/silence segmentation with an adaptive noise floor: frames louder than "
            + "both thresholdDb and the noise floor (5th percentile of recent frame levels) plus marginDb are "
            + "speech; pauses shorter than minSilence are bridged, bursts shorter than minSpeech dropped, segments "
            + "padded and split at their quietest point to stay within maxSegment. Streams: a segment is emitted "
            + "minSilence + " + SegmentTracker.LOOKAHEAD_SECONDS + " s after it ends (not before "
            + SegmentTracker.STARTUP_SECONDS + " s of audio), so no segment starts more than max(maxSegment, "
            + SegmentTracker.STARTUP_SECONDS + " s) + " + SegmentTracker.LOOKAHEAD_SECONDS + " s + one 20 ms frame "
            + "before it is emitted. Frame boundaries are independent of the host's block size.";
        d.vendor = "Auralis";
        d.sampleRate = 0;
        d.blockSize = 1024;
        d.stepSize = 1024;

        d.parameters.add(ParameterDescriptor.number(THRESHOLD_DB, "Absolute threshold",
            "Frames quieter than this are never speech, however quiet the background.", "dBFS", -100, 0, -50));
        d.parameters.add(ParameterDescriptor.number(MARGIN_DB, "Margin over noise",
            "How far above the estimated noise floor a frame must be to start speech.", "dB", 0, 40, 10));
        d.parameters.add(ParameterDescriptor.number(HYSTERESIS_DB, "Hysteresis",
            "Once speech has started, frames may fall this far below the start threshold and still be speech.",
            "dB", 0, 20, 3));
        d.parameters.add(ParameterDescriptor.number(MIN_SPEECH, "Minimum speech",
            "Louder stretches shorter than this (clicks, knocks) are not speech.", "s", 0, 5, 0.1));
        d.parameters.add(ParameterDescriptor.number(MIN_SILENCE, "Minimum silence",
            "Pauses shorter than this do not end a segment.", "s", 0.01, 5, 0.3));
        d.parameters.add(ParameterDescriptor.number(PADDING, "Padding",
            "Audio added before and after each segment, so that soft onsets and endings are kept; never overlaps "
                + "the neighbouring segment, and at the end at most minSilence.", "s", 0, 1, 0.1));
        d.parameters.add(ParameterDescriptor.number(MAX_SEGMENT, "Maximum segment",
            "Longer speech is split at its quietest point in the second half, so that consumers buffer at most "
                + "this much audio per segment.", "s", 1, 600, 15));
        d.parameters.add(ParameterDescriptor.number(NOISE_WINDOW, "Noise window",
            "How much recent audio the noise floor is estimated from; a steady sound lasting longer than about 95% "
                + "of it becomes background.", "s", 1, 120, 10));

        d.outputs.add(segmentOutput(SPEECH, "Speech", "Speech segments, labelled speech"));
        d.outputs.add(segmentOutput(SILENCE, "Silence",
            "The gaps between speech segments (including before the first and after the last), labelled silence"));
        return d;
    }

    private static OutputDescriptor segmentOutput(String id, String name, String what) {
        OutputDescriptor o = new OutputDescriptor(id, name, "segment", "dBFS", 1, SampleType.VARIABLE, true);
        o.description = what + ". The value is the segment's mean level (power average of its frames).";
        o.binNames = List.of("level");
        o.minValue = Decibels.FLOOR_DB;
        return o;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        if (context.blockSize() > 0 && context.stepSize() > context.blockSize()) {
            throw new ExtractionException(ID + ": needs every sample, but the step size " + context.stepSize()
                + " exceeds the block size " + context.blockSize());
        }
        return new SegmenterSession(SegmenterSettings.from(context.parameters()), context.sampleRate());
    }
}
