package org.example.escalation;

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
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code example.escalation}: flags intervals where a speaker becomes both more upset and louder.
 *
 * <p>An interval is a run of emotion results in which the summed probability of the watched emotions
 * ({@code emotions}, by default angry and fear) is at least {@code confidence} in every result; results up to
 * {@code maxGap} apart (pauses between utterances) continue the run. It is an escalation when it lasts at least
 * {@code minDuration} and the loudness rises over it by at least {@code minRiseDb}: the rise is the slope of a
 * least-squares line through the loudness frames inside the interval (in dBFS against seconds, frames quieter than
 * {@value EscalationSession#SILENCE_DB} dBFS left out as pauses), times the interval's length.
 *
 * <p>Neither input names an extractor: any output of kind {@code emotion} and any of kind {@code loudness} will
 * do, which is how a plugin chains other people's work without depending on it.
 */
@Component(service = FeatureExtractor.class)
public class EscalationDetector implements FeatureExtractor {

    /** The extractor's identifier in workflows. */
    public static final String ID = "example.escalation";

    /** Input: emotion results per window or segment. */
    public static final String EMOTION = "emotion";

    /** Input: loudness in dBFS per frame. */
    public static final String LOUDNESS = "loudness";

    /** Output: the escalations found. */
    public static final String ESCALATIONS = "escalations";

    static final String EMOTIONS = "emotions";
    static final String CONFIDENCE = "confidence";
    static final String MIN_DURATION = "minDuration";
    static final String MIN_RISE_DB = "minRiseDb";
    static final String MAX_GAP = "maxGap";

    /** Creates the extractor; it holds no state. */
    public EscalationDetector() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Escalation (example)";
        d.version = "1.0.0";
        d.description = "Flags intervals where the watched emotions stay probable while the voice gets louder. "
            + "An example of a plugin that chains emotion results with a DSP feature.";
        d.vendor = "Example Org";
        d.sampleRate = 0;
        // The audio is not read: everything comes from the inputs. Large blocks keep the calls few.
        d.blockSize = 16384;
        d.stepSize = 16384;

        d.parameters.add(ParameterDescriptor.text(EMOTIONS, "Emotions",
            "Comma-separated class names of the emotion input whose probabilities are added up.", "angry,fear"));
        d.parameters.add(ParameterDescriptor.number(CONFIDENCE, "Confidence",
            "The summed probability of the watched emotions must be at least this in every result of an "
                + "interval.", "probability", 0, 1, 0.6));
        d.parameters.add(ParameterDescriptor.number(MIN_DURATION, "Minimum duration",
            "Intervals shorter than this are never escalations.", "s", 0, 600, 2.0));
        d.parameters.add(ParameterDescriptor.number(MIN_RISE_DB, "Minimum rise",
            "How much louder, over the whole interval, the fitted loudness trend must get.", "dB", 0, 60, 3.0));
        d.parameters.add(ParameterDescriptor.number(MAX_GAP, "Maximum gap",
            "Emotion results up to this far apart continue an interval, so that pauses do not split it.", "s",
            0, 10, 1.0));

        d.inputs.add(new InputDescriptor(EMOTION, "Emotion",
            "Emotion results; the probabilities of the watched emotions are added up.", EmotionFeatures.KIND,
            true));
        d.inputs.add(new InputDescriptor(LOUDNESS, "Loudness",
            "Loudness in dBFS, one value per frame, such as auralis.loudness's dbfs output.", "loudness", true));

        OutputDescriptor out = new OutputDescriptor(ESCALATIONS, "Escalations", "escalation", null, 2,
            SampleType.VARIABLE, true);
        out.description = "Intervals of rising anger or fear, labelled escalation. Values: the highest summed "
            + "probability of the watched emotions in the interval, and the loudness rise over it in dB.";
        out.binNames = List.of("peakProbability", "riseDb");
        out.minValue = 0.0;
        d.outputs.add(out);
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        Parameters p = context.parameters();
        checkRanges(p);
        OutputDescriptor emotion = context.inputs().get(EMOTION);
        OutputDescriptor loudness = context.inputs().get(LOUDNESS);
        if (emotion == null || loudness == null) {
            throw new ExtractionException(ID + ": both inputs, '" + EMOTION + "' and '" + LOUDNESS
                + "', must be bound");
        }
        if (emotion.binNames == null) {
            throw new ExtractionException(ID + ": input '" + EMOTION + "' is bound to output '" + emotion.id
                + "', which names no emotion classes");
        }
        if (loudness.binCount != 1) {
            throw new ExtractionException(ID + ": input '" + LOUDNESS + "' needs one value per feature, but output '"
                + loudness.id + "' has " + loudness.binCount);
        }
        return new EscalationSession(watchedClasses(p.getString(EMOTIONS), emotion.binNames),
            emotion.binNames.size(), p.getDouble(CONFIDENCE), p.getDouble(MIN_DURATION), p.getDouble(MIN_RISE_DB),
            p.getDouble(MAX_GAP));
    }

    /** The host checks values against the declared ranges; repeat it for callers that open sessions directly. */
    private void checkRanges(Parameters p) throws ExtractionException {
        for (ParameterDescriptor d : descriptor().parameters) {
            if (d.minValue == null) {
                continue;
            }
            Object value = p.asMap().get(d.id);
            if (!(value instanceof Number n) || !(n.doubleValue() >= d.minValue && n.doubleValue() <= d.maxValue)) {
                throw new ExtractionException(ID + ": parameter '" + d.id + "' must be a number from " + d.minValue
                    + " to " + d.maxValue + ", got " + value);
            }
        }
    }

    /** Turns the {@code emotions} text into class indices, refusing names the emotion model does not have. */
    private static int[] watchedClasses(String text, List<String> classes) throws ExtractionException {
        List<Integer> indices = new ArrayList<>();
        for (String name : text.split(",")) {
            String emotion = name.trim();
            if (emotion.isEmpty()) {
                continue;
            }
            int index = classes.indexOf(emotion);
            if (index < 0) {
                throw new ExtractionException(ID + ": emotion '" + emotion + "' is not a class of the emotion input "
                    + "(its classes: " + String.join(", ", classes) + ")");
            }
            indices.add(index);
        }
        if (indices.isEmpty()) {
            throw new ExtractionException(ID + ": parameter '" + EMOTIONS + "' names no emotion");
        }
        return indices.stream().distinct().mapToInt(Integer::intValue).toArray();
    }
}
