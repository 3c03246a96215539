package io.auralis.report.record;

import io.auralis.api.emotion.EmotionFeatures;
import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.output.FileRecord;
import io.auralis.api.output.SummaryFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report shows of one record: its emotion outputs decoded to {@link EmotionResult}s, its first loudness
 * and pitch outputs, an emotion summary when the workflow computed one, the features of every other output placed
 * at arbitrary times ({@link SpanTrack}: segments, intervals and events, whoever computes them), the per-file
 * summaries of {@code analyze --summary} ({@link SummaryFeatures}), and a line for each output that could not be
 * read. Other outputs (one value per block or at a fixed rate) are not shown.
 */
public final class RecordContent {
    /** The kind of loudness outputs (values in dBFS). */
    public static final String LOUDNESS_KIND = "loudness";

    /** The kind of pitch outputs (values in Hz). */
    public static final String PITCH_KIND = "pitch";

    /** The kind of per-file emotion summaries, such as the {@code summary} of {@code auralis.emotion-timeline}. */
    public static final String SUMMARY_KIND = "emotion-summary";

    private final List<EmotionTrack> emotions;
    private final ValueTrack loudness;
    private final ValueTrack pitch;
    private final SummaryOutput summary;
    private final List<SpanTrack> spans;
    private final List<SpanTrack> statistics;
    private final List<String> problems;

    private RecordContent(List<EmotionTrack> emotions, ValueTrack loudness, ValueTrack pitch, SummaryOutput summary,
            List<SpanTrack> spans, List<SpanTrack> statistics, List<String> problems) {
        this.emotions = emotions;
        this.loudness = loudness;
        this.pitch = pitch;
        this.summary = summary;
        this.spans = spans;
        this.statistics = statistics;
        this.problems = problems;
    }

    /**
     * Reads a record.
     *
     * @param record the record
     * @param outputs the descriptors of its outputs, by {@code step.output}
     * @return the content; outputs that cannot be decoded are left out and named in {@link #problems()}
     */
    public static RecordContent of(FileRecord record, Map<String, OutputDescriptor> outputs) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Feature>> emotionFeatures = new LinkedHashMap<>();
        ValueTrack loudness = null;
        ValueTrack pitch = null;
        String summaryKey = null;
        List<SpanTrack> spans = new ArrayList<>();
        List<SpanTrack> statistics = new ArrayList<>();
        for (Map.Entry<String, List<Feature>> e : record.outputs.entrySet()) {
            OutputDescriptor d = outputs.get(e.getKey());
            List<Feature> features = e.getValue() == null ? List.of() : e.getValue();
            if (d == null || d.kind == null) {
                continue;
            }
            switch (d.kind) {
                case EmotionFeatures.KIND -> emotionFeatures.put(e.getKey(), features);
                case LOUDNESS_KIND -> loudness = loudness != null ? loudness : valueTrack(e.getKey(), d, features);
                case PITCH_KIND -> pitch = pitch != null ? pitch : valueTrack(e.getKey(), d, features);
                case SUMMARY_KIND -> summaryKey = summaryKey != null ? summaryKey : e.getKey();
                case SummaryFeatures.KIND -> statistics.add(new SpanTrack(e.getKey(), d, features));
                default -> {
                    if (d.sampleType == SampleType.VARIABLE) {
                        spans.add(spanTrack(e.getKey(), d, features));
                    }
                }
            }
        }
        List<EmotionTrack> emotions = new ArrayList<>();
        for (Map.Entry<String, List<Feature>> e : emotionFeatures.entrySet()) {
            EmotionTrack track = emotionTrack(e.getKey(), outputs, e.getValue(), problems);
            if (track != null) {
                emotions.add(track);
            }
        }
        SummaryOutput summary = summaryKey == null ? null
            : summaryOutput(summaryKey, outputs, record.outputs.get(summaryKey), problems);
        return new RecordContent(List.copyOf(emotions), loudness, pitch, summary, List.copyOf(spans),
            List.copyOf(statistics), List.copyOf(problems));
    }

    /**
     * The emotion outputs that had at least one readable feature, in the workflow's output order.
     *
     * @return the tracks
     */
    public List<EmotionTrack> emotions() {
        return emotions;
    }

    /**
     * The emotion output with the most results: per-window results rather than the segments merged from them.
     * This is the one a timeline chart draws.
     *
     * @return the track, or {@code null} when the record has no emotion results
     */
    public EmotionTrack finestEmotions() {
        return emotions.stream().max(Comparator.comparingInt(t -> t.results().size())).orElse(null);
    }

    /**
     * The emotion output with the fewest results: merged segments (of {@code auralis.emotion-timeline}) rather
     * than the windows they were merged from, so that a count of changes counts changes a listener would notice.
     *
     * @return the track, or {@code null} when the record has no emotion results
     */
    public EmotionTrack coarsestEmotions() {
        return emotions.stream().min(Comparator.comparingInt(t -> t.results().size())).orElse(null);
    }

    /**
     * The first loudness output.
     *
     * @return the track, or {@code null} when there is none
     */
    public ValueTrack loudness() {
        return loudness;
    }

    /**
     * The first pitch output.
     *
     * @return the track, or {@code null} when there is none
     */
    public ValueTrack pitch() {
        return pitch;
    }

    /**
     * The first emotion summary output.
     *
     * @return the summary, or {@code null} when there is none
     */
    public SummaryOutput summary() {
        return summary;
    }

    /**
     * The outputs placed at arbitrary times other than emotions, emotion summaries and summaries, in the workflow's
     * output order, each with its features that have a time.
     *
     * @return the tracks, possibly empty
     */
    public List<SpanTrack> spans() {
        return spans;
    }

    /**
     * The per-file summaries of outputs ({@code analyze --summary}), in the record's order: each with one feature
     * per statistic, labelled with its name.
     *
     * @return the summaries, possibly empty
     */
    public List<SpanTrack> statistics() {
        return statistics;
    }

    /**
     * One line per output, or group of features, that could not be read.
     *
     * @return the lines, possibly empty
     */
    public List<String> problems() {
        return problems;
    }

    private static ValueTrack valueTrack(String key, OutputDescriptor d, List<Feature> features) {
        List<Feature> usable = new ArrayList<>(features.size());
        for (Feature f : features) {
            if (f != null && f.values != null && f.values.length > 0 && Float.isFinite(f.values[0])) {
                usable.add(f);
            }
        }
        usable.sort(Comparator.comparingDouble(f -> f.time));
        return new ValueTrack(key, d.unit, usable);
    }

    private static SpanTrack spanTrack(String key, OutputDescriptor d, List<Feature> features) {
        List<Feature> timed = new ArrayList<>(features.size());
        for (Feature f : features) {
            if (f != null && Double.isFinite(f.time) && Double.isFinite(f.duration)) {
                timed.add(f);
            }
        }
        timed.sort(Comparator.comparingDouble(f -> f.time));
        return new SpanTrack(key, d, List.copyOf(timed));
    }

    private static EmotionTrack emotionTrack(String key, Map<String, OutputDescriptor> outputs,
            List<Feature> features, List<String> problems) {
        OutputDescriptor d = outputs.get(key);
        if (features.isEmpty()) {
            return null;
        }
        List<String> classes = d.binNames;
        if (classes == null || classes.isEmpty()) {
            // An output whose classes are those of its input (auralis.emotion-timeline's segments) does not name
            // them; borrow them from an emotion output of the same width.
            classes = borrowClasses(outputs, features.get(0).values == null ? -1 : features.get(0).values.length);
            if (classes == null) {
                problems.add("output '" + key + "' names no emotion classes; its " + features.size()
                    + " features are not shown");
                return null;
            }
            OutputDescriptor named = copy(d);
            named.binNames = classes;
            d = named;
        }
        List<EmotionResult> results = new ArrayList<>(features.size());
        int bad = 0;
        String firstError = null;
        for (Feature f : features) {
            try {
                results.add(EmotionFeatures.fromFeature(f, d));
            } catch (IllegalArgumentException | NullPointerException ex) {
                bad++;
                if (firstError == null) {
                    firstError = ex.getMessage();
                }
            }
        }
        if (bad > 0) {
            problems.add("output '" + key + "': " + bad + " of " + features.size()
                + " features could not be read (" + firstError + ")");
        }
        if (results.isEmpty()) {
            return null;
        }
        results.sort(Comparator.comparingDouble(r -> r.time));
        return new EmotionTrack(key, List.copyOf(classes), results);
    }

    private static SummaryOutput summaryOutput(String key, Map<String, OutputDescriptor> outputs,
            List<Feature> features, List<String> problems) {
        if (features == null || features.isEmpty() || features.get(0) == null || features.get(0).values == null) {
            return null;
        }
        Feature f = features.get(0);
        List<String> classes = outputs.get(key).binNames;
        if (classes == null || classes.size() != f.values.length) {
            classes = borrowClasses(outputs, f.values.length);
        }
        if (classes == null) {
            problems.add("output '" + key + "' has " + f.values.length
                + " shares but no emotion output names that many classes; it is not shown");
            return null;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            shares.put(classes.get(i), (double) f.values[i]);
        }
        String dominant = f.label != null && shares.containsKey(f.label) ? f.label : null;
        return new SummaryOutput(key, shares, dominant);
    }

    private static List<String> borrowClasses(Map<String, OutputDescriptor> outputs, int width) {
        for (OutputDescriptor o : outputs.values()) {
            if (EmotionFeatures.KIND.equals(o.kind) && o.binNames != null && o.binNames.size() == width) {
                return o.binNames;
            }
        }
        return null;
    }

    private static OutputDescriptor copy(OutputDescriptor d) {
        OutputDescriptor c = new OutputDescriptor(d.id, d.name, d.kind, d.unit, d.binCount, d.sampleType,
            d.hasDuration);
        c.description = d.description;
        c.binNames = d.binNames;
        c.minValue = d.minValue;
        c.maxValue = d.maxValue;
        c.sampleRate = d.sampleRate;
        return c;
    }
}
