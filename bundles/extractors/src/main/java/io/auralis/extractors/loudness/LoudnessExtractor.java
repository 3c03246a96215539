package io.auralis.extractors.loudness;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;

import org.osgi.service.component.annotations.Component;

import java.util.List;

/**
 * {@code auralis.loudness}: the RMS level of every block the host frames, as a linear full-scale value and in
 * dBFS. Each feature is stamped with its block's start and spans the block's valid samples (the last block of a
 * file may be shorter). With a block size of 0 the host passes the whole file, and the outputs hold one feature:
 * the level of the whole recording.
 */
@Component(service = FeatureExtractor.class)
public class LoudnessExtractor implements FeatureExtractor {

    /** The extractor's identifier in workflows. */
    public static final String ID = "auralis.loudness";

    /** The linear RMS output. */
    public static final String RMS = "rms";

    /** The dBFS output. */
    public static final String DBFS = "dbfs";

    /** Creates the extractor; it holds no state. */
    public LoudnessExtractor() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Loudness";
        d.version = "1.0.0";
        d.description = "Root-mean-square level of each block, as a linear value (1.0 = full scale) and in dBFS "
            + "(20 log10 rms: a full-scale sine reads -3.01 dBFS). Digital silence reads "
            + Decibels.FLOOR_DB + " dBFS. Unweighted: no K-weighting or gating.";
        d.vendor = "Auralis";
        d.sampleRate = 0;
        d.blockSize = 1024;
        d.stepSize = 512;

        OutputDescriptor rms = new OutputDescriptor(RMS, "RMS level", "loudness-rms", "FS", 1,
            SampleType.ONE_PER_BLOCK, true);
        rms.description = "Root mean square of the block's samples, in full-scale units (1.0 = full scale); "
            + "can exceed 1 only for floating-point audio that clips.";
        rms.binNames = List.of("rms");
        rms.minValue = 0.0;

        OutputDescriptor dbfs = new OutputDescriptor(DBFS, "Level", "loudness", "dBFS", 1,
            SampleType.ONE_PER_BLOCK, true);
        dbfs.description = "RMS level of the block in dB relative to full scale, never below "
            + Decibels.FLOOR_DB + ".";
        dbfs.binNames = List.of("dbfs");
        dbfs.minValue = Decibels.FLOOR_DB;

        d.outputs.add(rms);
        d.outputs.add(dbfs);
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        return new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                if (block.length() == 0) {
                    return;
                }
                double meanSquare = Decibels.meanSquare(block.samples(), 0, block.length());
                double time = block.startTime();
                double duration = block.duration();
                sink.emit(RMS, Feature.of(time, duration, (float) Math.sqrt(meanSquare)));
                sink.emit(DBFS, Feature.of(time, duration, (float) Decibels.powerToDb(meanSquare)));
            }

            @Override
            public void finish(FeatureSink sink) {
                // Every block is complete when process returns; nothing is pending.
            }
        };
    }
}
