package com.example.zcr;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;
import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.ExtractorSession;
import io.auralis.api.extractor.Feature;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.FeatureSink;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.api.extractor.SessionContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code example.zcr}: how often the signal changes sign, per block, in crossings per second. Voiced speech
 * crosses zero a few hundred to a couple of thousand times a second, hiss and fricatives (s, f, sh) far more, so
 * the rate helps tell them apart.
 *
 * <p>A crossing counts only when the signal goes from below {@code -deadBand} to above {@code +deadBand} or back,
 * so that low-level noise hovering around zero is not counted.
 *
 * <p>{@code @Component} registers the class as a {@link FeatureExtractor} service when the bundle starts; the host
 * finds it by its {@link ExtractorDescriptor#id}.
 */
@Component(service = FeatureExtractor.class)
public class ZeroCrossingRate implements FeatureExtractor {

    /** The extractor's identifier in workflows. */
    public static final String ID = "example.zcr";

    /** The output's identifier: a workflow refers to it as {@code <step>.zcr}. */
    public static final String ZCR = "zcr";

    static final String DEAD_BAND = "deadBand";

    /** Creates the extractor; it holds no state, so one instance serves every file. */
    public ZeroCrossingRate() {
    }

    @Override
    public ExtractorDescriptor descriptor() {
        ExtractorDescriptor d = new ExtractorDescriptor();
        d.id = ID;
        d.name = "Zero-crossing rate";
        d.version = "1.0.0";
        d.description = "Sign changes per second in each block, ignoring excursions within +-deadBand of zero.";
        d.vendor = "Example Org";
        d.sampleRate = 0; // any analysis rate will do
        d.blockSize = 1024;
        d.stepSize = 512;

        d.parameters.add(ParameterDescriptor.number(DEAD_BAND, "Dead band",
            "Amplitude around zero (1.0 = full scale) that the signal must cross right through for a crossing to "
                + "count; 0 counts every sign change.", "FS", 0, 0.5, 0.0));

        OutputDescriptor zcr = new OutputDescriptor(ZCR, "Zero-crossing rate", "zero-crossing-rate", "1/s", 1,
            SampleType.ONE_PER_BLOCK, true);
        zcr.description = "Sign changes per second within the block.";
        zcr.binNames = List.of("zcr");
        zcr.minValue = 0.0;
        d.outputs.add(zcr);
        return d;
    }

    @Override
    public ExtractorSession open(SessionContext context) throws ExtractionException {
        double deadBand = context.parameters().getDouble(DEAD_BAND);
        if (!(deadBand >= 0 && deadBand <= 0.5)) {
            // The host checks the declared range first; this guards callers that open sessions directly.
            throw new ExtractionException(ID + ": parameter '" + DEAD_BAND + "' must be from 0 to 0.5, got "
                + deadBand);
        }
        return new ExtractorSession() {
            @Override
            public void process(AudioBlock block, FeatureSink sink) {
                if (block.length() == 0) {
                    return;
                }
                // Blocks overlap (step < block size), so each is counted on its own, with no state carried over.
                float[] samples = block.samples();
                int side = 0;
                int crossings = 0;
                for (int i = 0; i < block.length(); i++) {
                    int s = samples[i] > deadBand ? 1 : samples[i] < -deadBand ? -1 : 0;
                    if (s != 0) {
                        if (side != 0 && s != side) {
                            crossings++;
                        }
                        side = s;
                    }
                }
                sink.emit(ZCR, Feature.of(block.startTime(), block.duration(),
                    (float) (crossings / block.duration())));
            }

            @Override
            public void finish(FeatureSink sink) {
                // Each block is complete when process returns: nothing is pending.
            }
        };
    }
}
