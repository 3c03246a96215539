package io.auralis.report.record;

import io.auralis.api.emotion.EmotionResult;
import io.auralis.api.output.FileRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link FileSummary} from a record.
 *
 * <p>Shares and the dominant emotion come from an {@value RecordContent#SUMMARY_KIND} output when the workflow
 * has one; otherwise from the coarsest emotion output ({@link RecordContent#coarsestEmotions()}): each result's
 * label is credited with the time it stands for ({@link EmotionTrack#ownedSeconds()}). Changes count
 * consecutive results of that output whose labels differ. The confidence in the dominant emotion is the mean of
 * that output's confidences for the results it labels, weighted by the time they stand for.
 */
public final class Summaries {

    private Summaries() {
    }

    /**
     * Summarises a record.
     *
     * @param sequence the entry's position in the report's store
     * @param record the record
     * @param content the record's decoded content
     * @return the summary
     */
    public static FileSummary of(int sequence, FileRecord record, RecordContent content) {
        FileSummary s = new FileSummary();
        s.sequence = sequence;
        s.file = record.file == null ? "(unnamed)" : record.file;
        s.duration = Double.isFinite(record.duration) ? Math.max(0, record.duration) : 0;
        s.sampleRate = record.sampleRate;
        s.channels = record.channels;
        s.error = record.error;
        if (!record.ok()) {
            return s;
        }
        EmotionTrack track = content.coarsestEmotions();
        if (track != null) {
            double[] owned = track.ownedSeconds();
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (String c : track.classes()) {
                seconds.put(c, 0.0);
            }
            double total = 0;
            List<EmotionResult> results = track.results();
            int changes = 0;
            for (int i = 0; i < results.size(); i++) {
                seconds.merge(results.get(i).label, owned[i], Double::sum);
                total += owned[i];
                if (i > 0 && !results.get(i).label.equals(results.get(i - 1).label)) {
                    changes++;
                }
            }
            s.speechSeconds = total;
            s.changes = changes;
            for (Map.Entry<String, Double> e : seconds.entrySet()) {
                s.shares.put(e.getKey(), total > 0 ? e.getValue() / total : 0.0);
            }
            s.dominant = total > 0 ? argmax(s.shares) : null;
        }
        SummaryOutput summary = content.summary();
        if (summary != null) {
            s.shares = new LinkedHashMap<>(summary.shares());
            double sum = summary.shares().values().stream().mapToDouble(Double::doubleValue).sum();
            s.dominant = sum <= 0 ? null : summary.dominant() != null ? summary.dominant() : argmax(s.shares);
        }
        if (track != null && s.dominant != null) {
            s.confidence = confidence(track, s.dominant);
        }
        return s;
    }

    private static double confidence(EmotionTrack track, String label) {
        double[] owned = track.ownedSeconds();
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < owned.length; i++) {
            EmotionResult r = track.results().get(i);
            if (label.equals(r.label) && Double.isFinite(r.confidence)) {
                sum += r.confidence * owned[i];
                weight += owned[i];
            }
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }

    private static String argmax(Map<String, Double> shares) {
        String best = null;
        double max = -1;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }
}
