package io.auralis.audio.resample;

import be.tarsos.dsp.resample.Resampler;
import io.auralis.api.audio.AudioStream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Opens resampling streams, designing each rate pair's filter once: designing takes milliseconds (a polyphase bank of
 * up to thousands of Kaiser-windowed sinc phases; TarsosDSP's 70,000-point table), which matters when a corpus of
 * thousands of short files is resampled. Thread-safe.
 */
public final class ResamplerFilters {

    /** Rate pairs kept per kind; a run normally uses one or two. */
    private static final int CAPACITY = 16;

    private final Lru<PolyphaseFilter> polyphase = new Lru<>();
    private final Lru<Resampler> tarsos = new Lru<>();

    /** Creates an empty cache. */
    public ResamplerFilters() {
    }

    /**
     * Wraps a stream in one that delivers it at another rate.
     *
     * @param source mono audio at its own rate, owned and closed by the returned stream
     * @param targetRate the rate to deliver, different from the source's
     * @param kind the resampler to use
     * @return the resampled stream
     */
    public AudioStream resample(AudioStream source, int targetRate, ResamplerKind kind) {
        return switch (kind) {
            case POLYPHASE -> new PolyphaseResamplingStream(source, polyphase(source.sampleRate(), targetRate));
            case TARSOSDSP -> new TarsosResamplingStream(source, targetRate, this);
        };
    }

    /**
     * The polyphase filter for a rate pair, shared by every stream of that pair.
     *
     * @param sourceRate input rate in Hz
     * @param targetRate output rate in Hz
     * @return the filter, immutable
     */
    public PolyphaseFilter polyphase(int sourceRate, int targetRate) {
        return polyphase.get(sourceRate, targetRate,
            key -> PolyphaseFilter.design(sourceRate, targetRate));
    }

    /**
     * A TarsosDSP resampler in its initial state for converting {@code sourceRate} to {@code targetRate}.
     *
     * @param sourceRate input rate in Hz
     * @param targetRate output rate in Hz
     * @return a resampler for the caller alone, fixed to the factor {@code targetRate / sourceRate}
     */
    public Resampler tarsos(int sourceRate, int targetRate) {
        Resampler prototype = tarsos.get(sourceRate, targetRate, key -> {
            double factor = targetRate / (double) sourceRate;
            return new Resampler(true, factor, factor);
        });
        // The prototype never processes samples, so its copy starts empty.
        return new Resampler(prototype);
    }

    /** The most recently used designs of one kind, by rate pair. */
    private static final class Lru<V> {
        private final Map<Long, V> designs = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > CAPACITY;
            }
        };

        synchronized V get(int sourceRate, int targetRate, LongFunction<V> design) {
            return designs.computeIfAbsent((long) sourceRate << 32 | targetRate, design::apply);
        }
    }
}
