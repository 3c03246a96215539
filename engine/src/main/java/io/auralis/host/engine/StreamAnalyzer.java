package io.auralis.host.engine;

import io.auralis.api.audio.AudioStream;
import io.auralis.api.extractor.Feature;
import io.auralis.host.workflow.Step;
import io.auralis.host.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs a validated workflow over audio that arrives as it plays (live input, {@code analyze -}): the same sessions,
 * framing and block order as {@link FileAnalyzer}, but nothing is collected. Every feature goes to a
 * {@link Listener} as it is emitted, and after each chunk of audio the listener learns how far every step has got,
 * so that it can tell which features are final. Memory does not grow with the stream.
 */
public final class StreamAnalyzer {

    /** Told of features as steps emit them, and of the analysis's progress. Called on the analysing thread. */
    public interface Listener {
        /**
         * A step emitted a feature.
         *
         * @param output the {@code step.output} it went to (every step's outputs, not only the workflow's)
         * @param feature the feature; not changed afterwards
         * @param emittedAt the frame up to which the emitting step had processed audio when it emitted it
         * @throws IOException if the listener cannot store what follows from it
         */
        void feature(String output, Feature feature, long emittedAt) throws IOException;

        /**
         * Every step has processed every block that starts before {@code frame} and been handed every upstream
         * feature emitted before it; at the end of the stream, once every step has finished, {@link Long#MAX_VALUE}.
         *
         * @param frame the watermark, a frame at the workflow's rate; never decreases
         * @throws IOException if the listener cannot store what follows from it
         */
        void advanced(long frame) throws IOException;
    }

    private final Workflow workflow;

    /**
     * Creates an analyzer.
     *
     * @param workflow the validated workflow; every step must frame blocks ({@code blockSize} 0 would hold the
     *     whole stream)
     * @throws IllegalArgumentException if a step takes the whole audio as one block
     */
    public StreamAnalyzer(Workflow workflow) {
        for (Step step : workflow.steps()) {
            if (step.blockSize() == 0) {
                throw new IllegalArgumentException("step '" + step.id() + "' takes the whole audio as one block "
                    + "(blockSize 0), which a live stream never completes");
            }
        }
        this.workflow = workflow;
    }

    /**
     * Analyses a stream to its end. Never throws: a failure (the decoder's, a step's, the listener's) ends the
     * analysis and is returned as one line, {@code <name>: <problem>}, as a file's record would carry it.
     *
     * @param stream the audio at the workflow's rate; not closed here
     * @param name the source as the user named it, for messages
     * @param listener where features and progress go
     * @return {@code null} when the stream was analysed to its end, else the problem
     */
    public String analyze(AudioStream stream, String name, Listener listener) {
        WorkflowRun run = null;
        Throwable failure = null;
        IOException[] refused = new IOException[1];
        try {
            if (stream.sampleRate() != workflow.sampleRate()) {
                throw new IOException("the decoder delivered " + stream.sampleRate() + " Hz instead of "
                    + workflow.sampleRate() + " Hz");
            }
            run = new WorkflowRun(workflow, name, false, (output, feature, at) -> {
                if (refused[0] == null) {
                    try {
                        listener.feature(output, feature, at);
                    } catch (IOException e) {
                        refused[0] = e;
                    }
                }
            });
            run.open();
            run.stream(stream, 0, seconds -> { }, frame -> {
                try {
                    if (refused[0] == null) {
                        listener.advanced(frame);
                    }
                } catch (IOException e) {
                    refused[0] = e;
                }
                if (refused[0] != null) {
                    // The records cannot be stored (standard output closed): reading on would be for nothing.
                    throw new ListenerFailure(refused[0]);
                }
            });
            run.finish();
            if (refused[0] == null) {
                listener.advanced(Long.MAX_VALUE);
            }
        } catch (ListenerFailure e) {
            failure = e.getCause();
        } catch (Throwable t) {
            failure = t;
        }
        if (run != null) {
            StepFailure closing = run.close();
            failure = failure == null ? closing : failure;
        }
        failure = failure == null ? refused[0] : failure;
        return failure == null ? null : FileAnalyzer.describe(failure, Path.of(name), name);
    }

    /** Carries the listener's failure out of the decoding loop. */
    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure(IOException cause) {
            super(cause);
        }
    }
}
