package io.auralis.audio.resample;

import be.tarsos.dsp.resample.Resampler;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Converts a mono stream to another rate with TarsosDSP's band-limited resampler (libresample4j, a windowed-sinc
 * interpolator after Julius O. Smith's resample), block by block so that nothing but the filter state is kept.
 *
 * <p>The output is aligned and exactly as long as the input in time: output sample {@code k} is the input
 * interpolated at {@code k / factor} (the resampler reads zeros before the first sample rather than delaying the
 * output by half a filter), and the stream ends after {@code round(frames * targetRate / sourceRate)} samples,
 * dropping what the filter's zero-padded tail produces beyond the input's last instant.
 */
public final class TarsosResamplingStream implements AudioStream {

    /** Input samples read from the source per resampler call. */
    private static final int BLOCK = 1 << 14;

    /** The most output samples buffered at once. */
    private static final int MAX_OUT = 1 << 16;

    private final AudioStream source;
    private final int targetRate;
    private final double factor;
    private final Resampler resampler;
    private final float[] in = new float[BLOCK];
    private final float[] out;
    private int inPosition;
    private int inLength;
    private int outPosition;
    private int outLength;
    private long framesIn;
    private long delivered;
    /** The output length, known once the source has ended; -1 before. */
    private long expected = -1;

    /**
     * Wraps a source. The stream owns the source and closes it.
     *
     * @param source mono audio at its own rate
     * @param targetRate the rate to deliver
     * @param filters where to get the resampler for this rate pair
     */
    public TarsosResamplingStream(AudioStream source, int targetRate, ResamplerFilters filters) {
        this.source = source;
        this.targetRate = targetRate;
        this.factor = targetRate / (double) source.sampleRate();
        this.resampler = filters.tarsos(source.sampleRate(), targetRate);
        // Room for all the output of one input block, so that the resampler normally consumes a block in one call;
        // for large upsampling ratios it is capped and the block is consumed over several calls.
        this.out = new float[(int) Math.min(Math.ceil(BLOCK * factor) + 64, MAX_OUT)];
    }

    @Override
    public AudioInfo info() {
        return source.info();
    }

    @Override
    public int sampleRate() {
        return targetRate;
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (outPosition == outLength) {
            if (expected >= 0 && delivered >= expected) {
                return -1;
            }
            resampleMore();
        }
        long wanted = expected >= 0 ? expected - delivered : Long.MAX_VALUE;
        int n = (int) Math.min(Math.min(length, outLength - outPosition), wanted);
        if (n == 0) {
            return -1;
        }
        System.arraycopy(out, outPosition, buffer, offset, n);
        outPosition += n;
        delivered += n;
        return n;
    }

    /** Feeds the resampler until it produces output or the source and the filter are exhausted. */
    private void resampleMore() throws IOException {
        boolean last = expected >= 0;
        if (!last && inPosition == inLength) {
            int n = source.read(in, 0, in.length);
            if (n < 0) {
                last = true;
                expected = Math.round(framesIn * factor);
                inPosition = 0;
                inLength = 0;
            } else {
                framesIn += n;
                inPosition = 0;
                inLength = n;
            }
        }
        Resampler.Result result = resampler.process(factor, in, inPosition, inLength - inPosition, last, out, 0,
            out.length);
        inPosition += result.inputSamplesConsumed;
        outPosition = 0;
        outLength = result.outputSamplesGenerated;
        if (last && outLength == 0 && delivered < expected) {
            // The flushed filter covers every output instant before the input's end, so this is not expected to
            // happen; if rounding ever leaves a sample short, it is silence rather than a stream of wrong length.
            int missing = (int) Math.min(out.length, expected - delivered);
            Arrays.fill(out, 0, missing, 0f);
            outLength = missing;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
