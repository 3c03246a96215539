package io.auralis.testkit;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.Parameters;
import io.auralis.api.extractor.SessionContext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The extractor under test as the harness installs it: the same descriptor and outputs, and sessions that check
 * every emitted feature against the step's output descriptors, note how much audio had been processed when it was
 * emitted, spoil each framed block's array once {@code process} returns, and remember the first failure so that
 * the harness can throw it as it was thrown.
 */
final class CheckedExtractor implements FeatureExtractor {
    private final FeatureExtractor extractor;
    private ExtractorHarness.Result result;
    private final Map<String, OutputDescriptor> outputs = new LinkedHashMap<>();
    private Throwable failure;

    CheckedExtractor(FeatureExtractor extractor) {
        this.extractor = extractor;
    }

    void collectInto(ExtractorHarness.Result into, List<OutputDescriptor> declared) {
        this.result = into;
        for (OutputDescriptor o : declared) {
            outputs.put(o.id, o);
        }
    }

    void rethrowFailure() throws ExtractionException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof ExtractionException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError(t);
    }

    private void note(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    @Override
    public ExtractorDescriptor descriptor() {
        return extractor.descriptor();
    }

    @Override
    public List<OutputDescriptor> outputs(Map<String, OutputDescriptor> inputs, Parameters parameters) {
        return extractor.outputs(inputs, parameters);
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        ExtractorSession session;
        try {
            session = extractor.open(context);
        } catch (ExtractionException | RuntimeException | Error e) {
            note(e);
            throw e;
        }
        return new Checked(session, context);
    }

    /** One session, checked. */
    private final class Checked implements ExtractorSession {
        private final ExtractorSession session;
        private final SessionContext context;
        private final String id = extractor.descriptor().id;
        private final FeatureSink sink = this::check;
        private FeatureSink host;
        private double seen;

        Checked(ExtractorSession session, SessionContext context) {
            this.session = session;
            this.context = context;
        }

        private void check(String output, Feature f) {
            OutputDescriptor o = outputs.get(output);
            if (o == null) {
                throw new AssertionError(id + " emitted to undeclared output " + output);
            }
            List<Feature> list = result.get(output);
            if (!list.isEmpty() && f.time < list.get(list.size() - 1).time) {
                throw new AssertionError(id + "." + output + " went back in time: " + f + " after "
                    + list.get(list.size() - 1));
            }
            if (o.binCount >= 0 && f.values.length != o.binCount) {
                throw new AssertionError(id + "." + output + " emitted " + f.values.length + " values, declared "
                    + o.binCount);
            }
            for (float v : f.values) {
                if (!Float.isFinite(v) || (o.minValue != null && v < o.minValue)
                        || (o.maxValue != null && v > o.maxValue)) {
                    throw new AssertionError(id + "." + output + " value outside its extents: " + f);
                }
            }
            if (!o.hasDuration && f.duration != 0) {
                throw new AssertionError(id + "." + output + " has no duration but emitted " + f);
            }
            result.add(output, f, seen);
            host.emit(output, f);
        }

        @Override
        public void process(AudioBlock block, FeatureSink hostSink) throws ExtractionException {
            host = hostSink;
            seen = (block.startFrame() + block.length()) / (double) block.sampleRate();
            try {
                session.process(block, sink);
            } catch (ExtractionException | RuntimeException | Error e) {
                note(e);
                throw e;
            } finally {
                if (context.blockSize() > 0) {
                    Arrays.fill(block.samples(), Float.NaN);
                }
            }
        }

        @Override
        public void consume(String inputId, Feature feature, FeatureSink hostSink) throws ExtractionException {
            host = hostSink;
            try {
                session.consume(inputId, feature, sink);
            } catch (ExtractionException | RuntimeException | Error e) {
                note(e);
                throw e;
            }
        }

        @Override
        public void finish(FeatureSink hostSink) throws ExtractionException {
            host = hostSink;
            try {
                session.finish(sink);
            } catch (ExtractionException | RuntimeException | Error e) {
                note(e);
                throw e;
            }
        }

        @Override
        public CompletionStage<Void> finishAsync(FeatureSink hostSink) throws ExtractionException {
            host = hostSink;
            CompletionStage<Void> later;
            try {
                later = session.finishAsync(sink);
            } catch (ExtractionException | RuntimeException | Error e) {
                note(e);
                throw e;
            }
            if (later == null) {
                // the host refuses it as well; said here, since the harness throws what went wrong as it was
                AssertionError missing = new AssertionError(id + " returned no stage from finishAsync");
                note(missing);
                throw missing;
            }
            return later.whenComplete((v, failure) -> {
                if (failure != null) {
                    note(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                }
            });
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (RuntimeException | Error e) {
                note(e);
                throw e;
            }
        }
    }
}
