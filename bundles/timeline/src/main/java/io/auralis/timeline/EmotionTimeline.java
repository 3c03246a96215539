package io.auralis.timeline;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.InputDescriptor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code auralis.emotion-timeline}: turns the emotion results of any extractor that emits kind
 * {@link EmotionFeatures#KIND} (per sliding window or per speech segment) into a readable timeline.
 *
 * <ol>
 * <li>Smoothing: each window's distribution is replaced by the mean over {@code smoothing} consecutive windows
 * centred on it, and relabelled with the most probable class.</li>
 * <li>Merging: consecutive windows with the same label become one segment; gaps up to {@code maxGap} are
 * bridged, longer gaps end a segment (and stop smoothing from reaching across them).</li>
 * <li>Minimum duration: a label change is accepted only when the new label lasts {@code minDuration}; shorter
 * runs are absorbed by the segment before them (or, at the start of a stretch of speech, the one after), and an
 * isolated stretch of speech shorter than {@code minDuration} is dropped (see {@link MinimumDurationFilter}).</li>
 * </ol>
 *
 * <p>Outputs: {@code segments} (kind emotion, so that writers, the HTML report and further consumers treat them as
 * emotion results: the distribution is the mean over the segment's windows of its label), and at the end of the
 * file {@code summary} (each class's share of the speech time in the segments, labelled with the dominant class)
 * and {@code changes} (how many times the label changes from one segment to the next). The classes are those of
 * the upstream output, in its order. Memory is bounded by the smoothing width, whatever the length of the file.
 */
@Component(service = FeatureExtractor.class)
public class EmotionTimeline implements FeatureExtractor {

    /** The extractor's identifier in workflows. */
    public static final String ID = "auralis.emotion-timeline";

    /** The input: emotion results per window or segment. */
    public static final String EMOTION = "emotion";

    /** The output of smoothed, merged segments (kind emotion). */
    public static final String SEGMENTS = "segments";

    /** The output of the per-file share of speech time per class (kind {@value #SUMMARY_KIND}). */
    public static final String SUMMARY = "summary";

    /** The kind of the {@link #SUMMARY} output. */
    public static final String SUMMARY_KIND = "emotion-summary";

    /** The output counting label changes between consecutive segments (kind {@code count}). */
    public static final String CHANGES = "changes";

    static final String SMOOTHING = "smoothing";
    static final String MAX_GAP = "maxGap";
    static final String MIN_DURATION = "minDuration";

    /** Creates the extractor; it holds no state. */
    public EmotionTimeline() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Emotion timeline";
        d.version = "1.0.0";
        d.description = "Smooths per-window emotion results with a centred moving average, merges consecutive "
            + "windows with the same label into segments (bridging gaps up to maxGap), absorbs label changes "
            + "shorter than minDuration into the segment before them and drops isolated stretches shorter than "
            + "minDuration; at the end of the file, each emotion's share of speech time and the number of changes. "
            + "Works with any extractor whose output is of kind emotion.";
        d.vendor = "Auralis";
        d.sampleRate = 0;
        // The audio is only timed, never read: large blocks keep the calls few.
        d.blockSize = 16384;
        d.stepSize = 16384;

        d.parameters.add(ParameterDescriptor.integer(SMOOTHING, "Smoothing",
            "How many consecutive windows, centred on each window, its distribution is averaged over; odd. "
                + "1 turns smoothing off.", "windows", 1, 99, 3));
        d.parameters.add(ParameterDescriptor.number(MAX_GAP, "Maximum gap",
            "Gaps between windows up to this long are bridged by a segment; longer gaps (pauses, silence between "
                + "utterances) end it.", "s", 0, 60, 1.0));
        d.parameters.add(ParameterDescriptor.number(MIN_DURATION, "Minimum duration",
            "A change of emotion must last this long to start a segment; shorter runs are absorbed by the segment "
                + "before them, and isolated stretches of speech shorter than this are dropped. 0 keeps "
                + "everything.", "s", 0, 600, 1.0));

        d.inputs.add(new InputDescriptor(EMOTION, "Emotion",
            "Emotion results per sliding window or speech segment, in time order.", EmotionFeatures.KIND, true));

        OutputDescriptor segments = new OutputDescriptor(SEGMENTS, "Emotion segments", EmotionFeatures.KIND,
            "probability", -1, SampleType.VARIABLE, true);
        segments.description = "Smoothed, merged emotion segments. Values: the mean distribution of the "
            + "segment's windows of its label, one per class of the input (binNames: the input's classes); "
            + "label: the segment's emotion.";
        segments.minValue = 0.0;
        segments.maxValue = 1.0;

        OutputDescriptor summary = new OutputDescriptor(SUMMARY, "Emotion summary", SUMMARY_KIND, "share", -1,
            SampleType.VARIABLE, true);
        summary.description = "One feature spanning the file: each class's share of the speech time covered by "
            + "the segments, in the input's class order (they sum to 1, or are all 0 without speech); label: the "
            + "dominant emotion, absent without speech.";
        summary.minValue = 0.0;
        summary.maxValue = 1.0;

        OutputDescriptor changes = new OutputDescriptor(CHANGES, "Emotion changes", "count", null, 1,
            SampleType.VARIABLE, true);
        changes.description = "One feature spanning the file: how many times the emotion differs from one "
            + "segment to the next.";
        changes.binNames = List.of("changes");
        changes.minValue = 0.0;

        d.outputs.add(segments);
        d.outputs.add(summary);
        d.outputs.add(changes);
        return d;
    }

    /** Segments and summary carry one value per class of the emotion output that feeds the timeline. */
    @Override
    public List<OutputDescriptor> outputs(Map<String, OutputDescriptor> inputs, Parameters parameters) {
        List<OutputDescriptor> outputs = descriptor().outputs;
        OutputDescriptor upstream = inputs.get(EMOTION);
        if (upstream != null && upstream.binNames != null) {
            for (OutputDescriptor out : outputs) {
                if (!CHANGES.equals(out.id)) {
                    out.binNames = List.copyOf(upstream.binNames);
                    out.binCount = upstream.binNames.size();
                }
            }
        }
        return outputs;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        TimelineSettings settings = TimelineSettings.from(context.parameters(), descriptor());
        OutputDescriptor upstream = context.inputs().get(EMOTION);
        if (upstream == null) {
            throw new ExtractionException(ID + ": input '" + EMOTION + "' is not bound to an emotion output");
        }
        if (upstream.binNames == null || upstream.binNames.isEmpty()) {
            throw new ExtractionException(ID + ": input '" + EMOTION + "' is bound to output '" + upstream.id
                + "', which names no emotion classes");
        }
        return new TimelineSession(settings, List.copyOf(upstream.binNames));
    }
}
