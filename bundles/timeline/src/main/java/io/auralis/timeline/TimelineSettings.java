package io.auralis.timeline;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.ParameterType;
import io.auralis.api.extractor.Parameters;

/**
 * The parameters of one timeline session, checked against the ranges the descriptor declares. The host checks
 * them too before a run; checking again here gives the same one-line error to callers that open sessions
 * directly, and adds the rule a range cannot express (an odd smoothing width).
 *
 * @param smoothing windows in the centred moving average, odd
 * @param maxGap longest gap between windows that a segment bridges, s
 * @param minDuration shortest segment kept, s
 */
record TimelineSettings(int smoothing, double maxGap, double minDuration) {

    static TimelineSettings from(Parameters parameters, ExtractorDescriptor descriptor) throws ExtractionException {
        for (ParameterDescriptor p : descriptor.parameters) {
            double v;
            try {
                v = parameters.getDouble(p.id);
            } catch (IllegalArgumentException e) {
                throw new ExtractionException(descriptor.id + ": " + e.getMessage(), e);
            }
            if ((p.minValue != null && v < p.minValue) || (p.maxValue != null && v > p.maxValue)
                    || Double.isNaN(v)) {
                throw new ExtractionException(descriptor.id + ": parameter '" + p.id + "' must be within "
                    + format(p.minValue) + ".." + format(p.maxValue) + (p.unit == null ? "" : " " + p.unit)
                    + ", got " + format(v));
            }
            if (p.type == ParameterType.INTEGER && v != Math.rint(v)) {
                throw new ExtractionException(descriptor.id + ": parameter '" + p.id + "' must be a whole number, got "
                    + v);
            }
        }
        int smoothing = parameters.getInt(EmotionTimeline.SMOOTHING);
        if (smoothing % 2 == 0) {
            throw new ExtractionException(descriptor.id + ": parameter '" + EmotionTimeline.SMOOTHING
                + "' must be odd so that the average is centred, got " + smoothing);
        }
        return new TimelineSettings(smoothing, parameters.getDouble(EmotionTimeline.MAX_GAP),
            parameters.getDouble(EmotionTimeline.MIN_DURATION));
    }

    private static String format(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString(v.longValue()) : v.toString();
    }
}
