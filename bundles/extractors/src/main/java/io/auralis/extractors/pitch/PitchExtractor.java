package io.auralis.extractors.pitch;

import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;

import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * {@code auralis.pitch}: the fundamental frequency of every block the host frames, estimated with YIN
 * (de Cheveign&eacute; and Kawahara, "YIN, a fundamental frequency estimator for speech and music", JASA 2002) as
 * implemented by TarsosDSP, or with its FFT-based YIN or McLeod pitch method.
 *
 * <p>Each block is one analysis window. Features are stamped with the window's start and span the window, so a
 * 1024-sample block at 16 kHz gives a feature lasting 64 ms; with the default step of 512 consecutive windows
 * overlap by half. {@code voicing} has a feature for every block; {@code f0} only for voiced blocks, because JSON
 * has no NaN: a gap in {@code f0} is an unvoiced stretch. A block is voiced when it is louder than
 * {@code minLevel}, holds at least two periods of {@code minFrequency}, the detector finds a period with an
 * aperiodicity under {@code threshold}, and that period's frequency lies between {@code minFrequency} and
 * {@code maxFrequency}.
 */
@Component(service = FeatureExtractor.class)
public class PitchExtractor implements FeatureExtractor {

    /** The extractor's identifier in workflows. */
    public static final String ID = "auralis.pitch";

    /** The fundamental frequency output. */
    public static final String F0 = "f0";

    /** The voicing output. */
    public static final String VOICING = "voicing";

    static final String ALGORITHM = "algorithm";
    static final String MIN_FREQUENCY = "minFrequency";
    static final String MAX_FREQUENCY = "maxFrequency";
    static final String THRESHOLD = "threshold";
    static final String MIN_LEVEL = "minLevel";

    /** Bounds of the frequency parameters, which are also the extents of {@code f0}. */
    private static final double LOWEST = 20;
    private static final double HIGHEST = 4000;

    /** Creates the extractor; it holds no state. */
    public PitchExtractor() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Pitch";
        d.version = "1.0.0";
        d.description = "Fundamental frequency per block with YIN (TarsosDSP). Features are stamped with the "
            + "block start and span the block. f0 is reported for voiced blocks only; voicing is reported for "
            + "every block (0 = unvoiced). Any sample rate, as long as a block holds two periods of minFrequency.";
        d.vendor = "Auralis";
        d.sampleRate = 0;
        d.blockSize = 1024;
        d.stepSize = 512;

        d.parameters.add(ParameterDescriptor.choice(ALGORITHM, "Algorithm",
            "Pitch detector: yin (time-domain YIN), fastyin (YIN with an FFT difference function, faster, same "
                + "estimates) or mpm (McLeod pitch method; reports nothing below 80 Hz).",
            PitchAlgorithm.ids(), PitchAlgorithm.FASTYIN.id()));
        d.parameters.add(ParameterDescriptor.number(MIN_FREQUENCY, "Lowest pitch",
            "Lowest f0 reported; blocks must hold two periods of it. 60 Hz covers low male voices.",
            "Hz", LOWEST, 1000, 60));
        d.parameters.add(ParameterDescriptor.number(MAX_FREQUENCY, "Highest pitch",
            "Highest f0 reported; must be above minFrequency and below a quarter of the sample rate. 500 Hz covers "
                + "children and raised voices.",
            "Hz", 40, HIGHEST, 500));
        d.parameters.add(ParameterDescriptor.number(THRESHOLD, "Aperiodicity threshold",
            "Share of aperiodic power tolerated in a voiced block (the YIN threshold; for mpm, 1 - clarity). "
                + "Lower is stricter: fewer blocks voiced, fewer octave errors. On emotional speech corpora 0.2 "
                + "finds about 47% of blocks voiced with 1.8% octave jumps between neighbours; 0.15 finds 42% with "
                + "0.9%.",
            null, 0.01, 0.5, 0.2));
        d.parameters.add(ParameterDescriptor.number(MIN_LEVEL, "Silence level",
            "Blocks with an RMS level below this are unvoiced, whatever periodicity the detector sees in them.",
            "dBFS", -120, 0, -60));

        // Frames with gaps, not events: f0 belongs in a frame table beside the block's loudness.
        OutputDescriptor f0 = new OutputDescriptor(F0, "Fundamental frequency", "pitch", "Hz", 1,
            SampleType.ONE_PER_BLOCK, true);
        f0.description = "Estimated f0 of each voiced block, stamped with the block start and spanning the block; "
            + "unvoiced blocks have no feature.";
        f0.binNames = List.of("f0");
        f0.minValue = LOWEST;
        f0.maxValue = HIGHEST;

        OutputDescriptor voicing = new OutputDescriptor(VOICING, "Voicing", "voicing", "probability", 1,
            SampleType.ONE_PER_BLOCK, true);
        voicing.description = "Periodicity of each block, 0..1: the detector's confidence for voiced blocks "
            + "(1 - YIN aperiodicity, or MPM clarity), 0 for unvoiced ones.";
        voicing.binNames = List.of("voicing");
        voicing.minValue = 0.0;
        voicing.maxValue = 1.0;

        d.outputs.add(f0);
        d.outputs.add(voicing);
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        return new PitchSession(PitchSettings.from(context));
    }
}
