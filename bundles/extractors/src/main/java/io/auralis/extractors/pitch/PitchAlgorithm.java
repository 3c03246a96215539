package io.auralis.extractors.pitch;

import be.tarsos.dsp.pitch.McLeodPitchMethod;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pitch detectors the extractor offers, by the names workflows use. */
enum PitchAlgorithm {
    /** YIN (de Cheveign&eacute; and Kawahara 2002) with the difference function in the time domain. */
    YIN {
        @Override
        PitchDetector detector(float sampleRate, int windowSize, double threshold) {
            return new Yin(sampleRate, windowSize, threshold);
        }
    },
    /**
     * The same YIN with the difference function computed through an FFT: faster, same estimates. Our own
     * {@link FftYin}, not TarsosDSP's {@code FastYin}, which finds no pitch in noise-free tones.
     */
    FASTYIN {
        @Override
        PitchDetector detector(float sampleRate, int windowSize, double threshold) {
            return new FftYin(sampleRate, windowSize, threshold);
        }
    },
    /**
     * The McLeod pitch method (McLeod and Wyvill 2005). TarsosDSP's implementation reports nothing below 80 Hz
     * whatever {@code minFrequency} says; the threshold is applied to its clarity afterwards.
     */
    MPM {
        @Override
        PitchDetector detector(float sampleRate, int windowSize, double threshold) {
            return new McLeodPitchMethod(sampleRate, windowSize);
        }
    };

    /**
     * Creates a detector for windows of exactly {@code windowSize} samples: TarsosDSP's detectors size their
     * work arrays from it and read the whole array they are given.
     */
    abstract PitchDetector detector(float sampleRate, int windowSize, double threshold);

    /** The name used in workflows. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All names, in declaration order. */
    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (PitchAlgorithm a : values()) {
            ids.add(a.id());
        }
        return ids;
    }

    /** The algorithm with a workflow name, or {@code null}. */
    static PitchAlgorithm byId(String id) {
        for (PitchAlgorithm a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }
}
