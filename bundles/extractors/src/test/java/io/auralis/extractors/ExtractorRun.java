package io.auralis.extractors;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives an extractor through its real lifecycle as a host does: descriptor, {@code open} with checked and
 * defaulted parameters, blocks in time order through one reused array (scribbled over after every call, so that
 * an extractor keeping a reference to it fails), the last block shorter, then {@code finish} and {@code close}.
 * Emitted features are collected per output and checked against the descriptor as they arrive: declared output,
 * time order, value count, finite values within the declared extents, no duration where none is declared.
 */
public final class ExtractorRun {
    private final FeatureExtractor extractor;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int sampleRate = 16000;
    private Integer blockSize;
    private Integer stepSize;

    private ExtractorRun(FeatureExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Starts describing a run.
     *
     * @param extractor the extractor under test
     * @return the run
     */
    public static ExtractorRun of(FeatureExtractor extractor) {
        return new ExtractorRun(extractor);
    }

    /**
     * Sets a parameter, as a workflow would.
     *
     * @param id the parameter id, which must be in the descriptor
     * @param value a Double, Long, Boolean or String
     * @return this run
     */
    public ExtractorRun with(String id, Object value) {
        parameters.put(id, value);
        return this;
    }

    /**
     * Sets the sample rate of the audio.
     *
     * @param rate Hz
     * @return this run
     */
    public ExtractorRun rate(int rate) {
        this.sampleRate = rate;
        return this;
    }

    /**
     * Overrides the descriptor's framing, as a workflow may.
     *
     * @param block samples per block, 0 for the whole file
     * @param step samples between block starts
     * @return this run
     */
    public ExtractorRun framing(int block, int step) {
        this.blockSize = block;
        this.stepSize = step;
        return this;
    }

    /**
     * The parameters a host would pass: defaults from the descriptor, overridden by {@link #with}.
     *
     * @param descriptor the extractor's descriptor
     * @param overrides values set by a workflow
     * @return checked parameters
     */
    public static Parameters parameters(ExtractorDescriptor descriptor, Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterDescriptor p : descriptor.parameters) {
            values.put(p.id, p.defaultValue);
        }
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException("no parameter " + e.getKey() + " in " + descriptor.id);
            }
            values.put(e.getKey(), e.getValue());
        }
        return new Parameters(values);
    }

    /**
     * Opens a session the way the host does, without running it.
     *
     * @return the session
     * @throws ExtractionException if the extractor refuses the settings
     */
    public ExtractorSession open() throws ExtractionException {
        ExtractorDescriptor d = extractor.descriptor();
        int block = blockSize != null ? blockSize : d.blockSize;
        int step = stepSize != null ? stepSize : d.stepSize;
        return extractor.open(new SessionContext("test.wav", sampleRate, block, step,
            parameters(d, parameters), Map.of()));
    }

    /** What a run emitted. */
    public static final class Result {
        private final Map<String, List<Feature>> outputs = new LinkedHashMap<>();
        private final Map<Feature, Double> emittedAfter = new IdentityHashMap<>();

        /**
         * The features of one output, in emission order.
         *
         * @param outputId the output
         * @return its features
         */
        public List<Feature> get(String outputId) {
            List<Feature> list = outputs.get(outputId);
            if (list == null) {
                throw new IllegalArgumentException("no output " + outputId);
            }
            return list;
        }

        /**
         * How much audio the extractor had been given when it emitted a feature.
         *
         * @param feature a feature of this run
         * @return seconds from the start of the file to the end of the last block passed
         */
        public double emittedAfter(Feature feature) {
            return emittedAfter.get(feature);
        }
    }

    /**
     * Runs the extractor over some audio.
     *
     * @param audio the samples
     * @return features by output id, every output present
     * @throws ExtractionException if the extractor fails
     */
    public Result run(float[] audio) throws ExtractionException {
        ExtractorDescriptor d = extractor.descriptor();
        int block = blockSize != null ? blockSize : d.blockSize;
        int step = stepSize != null ? stepSize : d.stepSize;
        Result result = new Result();
        Map<String, List<Feature>> out = result.outputs;
        Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
        double[] seen = {0};
        for (OutputDescriptor o : d.outputs) {
            out.put(o.id, new ArrayList<>());
            outputs.put(o.id, o);
        }
        FeatureSink sink = (id, f) -> {
            OutputDescriptor o = outputs.get(id);
            if (o == null) {
                throw new AssertionError(d.id + " emitted to undeclared output " + id);
            }
            List<Feature> list = out.get(id);
            if (!list.isEmpty() && f.time < list.get(list.size() - 1).time) {
                throw new AssertionError(d.id + "." + id + " went back in time: " + f + " after "
                    + list.get(list.size() - 1));
            }
            if (o.binCount >= 0 && f.values.length != o.binCount) {
                throw new AssertionError(d.id + "." + id + " emitted " + f.values.length + " values, declared "
                    + o.binCount);
            }
            for (float v : f.values) {
                if (!Float.isFinite(v) || (o.minValue != null && v < o.minValue)
                        || (o.maxValue != null && v > o.maxValue)) {
                    throw new AssertionError(d.id + "." + id + " value outside its extents: " + f);
                }
            }
            if (!o.hasDuration && f.duration != 0) {
                throw new AssertionError(d.id + "." + id + " has no duration but emitted " + f);
            }
            list.add(f);
            result.emittedAfter.put(f, seen[0]);
        };
        try (ExtractorSession session = open()) {
            if (block == 0) {
                seen[0] = audio.length / (double) sampleRate;
                session.process(new AudioBlock(audio.clone(), audio.length, 0, sampleRate), sink);
            } else {
                float[] buffer = new float[block];
                for (int start = 0; start < audio.length; start += step) {
                    int n = Math.min(block, audio.length - start);
                    System.arraycopy(audio, start, buffer, 0, n);
                    seen[0] = (start + n) / (double) sampleRate;
                    session.process(new AudioBlock(buffer, n, start, sampleRate), sink);
                    Arrays.fill(buffer, Float.NaN);
                    if (start + n == audio.length) {
                        break;
                    }
                }
            }
            session.finish(sink);
        }
        return result;
    }
}
