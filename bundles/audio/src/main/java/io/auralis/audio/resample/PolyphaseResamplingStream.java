package io.auralis.audio.resample;

import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Converts a mono stream to another rate with a {@link PolyphaseFilter}, block by block in buffers whose size
 * depends on the rate pair only, never on the length of the audio.
 *
 * <p>Output sample {@code k} is the filtered input at exactly {@code k * down / up} input samples: its input index
 * and phase are computed in integers, so the first sample is the first input instant and there is no drift over
 * any length. Zeros are read before the first and after the last input sample, and the stream ends after
 * {@code round(frames * up / down)} samples, as long in time as its input.
 *
 * <p>Why it is fast: HotSpot's C2 (JDK 17) turns a loop into SIMD instructions only when every array in it is indexed
 * alike, which neither a dot product per output (a reduction, as every Java resampler we found computes) nor a
 * convolution over neighbouring outputs (shifted indices) is. So a block cuts its outputs into {@code segments}
 * consecutive runs of {@code perSegment} outputs, a multiple of {@code up} so that output {@code m} of every run has
 * the same phase, and lays the input out transposed: row {@code i} holds input {@code i} of every run. Output
 * {@code m} of all runs is then a sum over taps of a coefficient times a whole row, {@code sums[v] += c * row[v]}: a
 * loop C2 vectorises, which runs several times faster than the scalar one.
 *
 * <p>Why our own: no maintained pure-Java resampler of this quality is on Maven Central. The Java ones there are
 * ports of libresample (Julius Smith's interpolated-table resampler: TarsosDSP's, which we used before, and
 * libresample4j), whose high-quality filter measured here leaves 64 dB of stopband and is 3 dB down at 7 kHz of 8;
 * FFmpeg's libswresample and libsamplerate come only as native wrappers, which a bundle would have to ship per
 * platform.
 */
public final class PolyphaseResamplingStream implements AudioStream {

    /** About how many outputs each run of a block holds (rounded up to a multiple of {@code up}). */
    private static final int RUN_OUTPUTS = 128;

    /** The most runs per block: the length of the vectorised loop; 512 measured no faster, 256 keeps a block in L2. */
    private static final int MAX_SEGMENTS = 256;

    /** The most input values in a block's transposed layout (4 MB), for the widest decimations. */
    private static final int MAX_LAYOUT = 1 << 20;

    private final AudioStream source;
    private final PolyphaseFilter filter;
    private final int up;
    private final int down;
    private final int taps;
    private final int perSegment;
    private final int segments;
    /** Inputs between the starts of two runs: {@code perSegment * down / up}. */
    private final int segmentInputs;
    /** Per output {@code s} of a run's first {@code up}: its phase {@code s * down mod up}. */
    private final int[] phaseOf;
    /** Per output {@code s}: its first input, {@code floor(s * down / up)}, from the run's first input. */
    private final int[] firstInputOf;
    /** Input from {@code half - 1} samples before the block's first output instant. */
    private final float[] input;
    /** Row {@code i}, column {@code v}: input {@code i} of run {@code v}. */
    private final float[][] rows;
    private final float[] sums;
    private final float[] scratch;
    private final float[] out;
    private int filled;
    private int outPosition;
    private int outLength;
    private long framesIn;
    private long produced;
    private boolean sourceEnded;
    /** The output length, known once the source has ended; -1 before. */
    private long expected = -1;

    /**
     * Wraps a source. The stream owns the source and closes it.
     *
     * @param source mono audio at the filter's source rate
     * @param filter the filter for the source's rate and the rate to deliver
     */
    public PolyphaseResamplingStream(AudioStream source, PolyphaseFilter filter) {
        if (source.sampleRate() != filter.sourceRate()) {
            throw new IllegalArgumentException("the filter is for " + filter.sourceRate() + " Hz, the source is at "
                + source.sampleRate() + " Hz");
        }
        this.source = source;
        this.filter = filter;
        this.up = filter.up();
        this.down = filter.down();
        this.taps = filter.taps();
        this.perSegment = up * Math.max(1, (RUN_OUTPUTS + up - 1) / up);
        this.segmentInputs = perSegment / up * down;
        this.phaseOf = new int[up];
        this.firstInputOf = new int[up];
        for (int s = 0; s < up; s++) {
            phaseOf[s] = (int) ((long) s * down % up);
            firstInputOf[s] = (int) ((long) s * down / up);
        }
        // The last output of a run reaches up to this input of the run.
        int rowCount = (perSegment / up - 1) * down + firstInputOf[up - 1] + taps;
        this.segments = Math.max(1, Math.min(MAX_SEGMENTS, MAX_LAYOUT / rowCount));
        this.rows = new float[rowCount][segments];
        this.input = new float[(segments - 1) * segmentInputs + rowCount];
        this.sums = new float[segments];
        this.scratch = new float[taps];
        this.out = new float[segments * perSegment];
        // The filter reaches half - 1 samples before the first instant: silence.
        this.filled = filter.half() - 1;
    }

    @Override
    public AudioInfo info() {
        return source.info();
    }

    @Override
    public int sampleRate() {
        return filter.targetRate();
    }

    @Override
    public int read(float[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (outPosition == outLength && !computeBlock()) {
            return -1;
        }
        int n = Math.min(length, outLength - outPosition);
        System.arraycopy(out, outPosition, buffer, offset, n);
        outPosition += n;
        return n;
    }

    /** Reads the input a block needs and computes its outputs; false when every output has been delivered. */
    private boolean computeBlock() throws IOException {
        while (filled < input.length && !sourceEnded) {
            int n = source.read(input, filled, input.length - filled);
            if (n < 0) {
                sourceEnded = true;
                // round(framesIn * up / down), in integers so that no length is off by one through rounding.
                expected = (2 * framesIn * up + down) / (2L * down);
            } else {
                filled += n;
                framesIn += n;
            }
        }
        if (sourceEnded) {
            Arrays.fill(input, filled, input.length, 0f);
        }
        int count = sourceEnded ? (int) Math.min(out.length, expected - produced) : out.length;
        if (count <= 0) {
            return false;
        }
        // Only the runs that hold wanted outputs, and in a lone run only its wanted outputs, are computed.
        int used = (count + perSegment - 1) / perSegment;
        int outputs = Math.min(perSegment, count);
        transpose(used);
        for (int m = 0; m < outputs; m++) {
            int s = m % up;
            filterRow(phaseOf[s], m / up * down + firstInputOf[s], used);
            for (int v = 0, k = m; v < used; v++, k += perSegment) {
                out[k] = sums[v];
            }
        }
        outPosition = 0;
        outLength = count;
        produced += count;
        // The next block starts segments * segmentInputs inputs later; keep what its filters still reach.
        int advance = segments * segmentInputs;
        System.arraycopy(input, advance, input, 0, input.length - advance);
        filled = input.length - advance;
        return true;
    }

    /** Lays the first {@code used} runs' inputs out by rows. */
    private void transpose(int used) {
        // Reading the input in order costs less than writing the rows in order: one stream in, many lines out.
        for (int v = 0; v < used; v++) {
            for (int i = 0, from = v * segmentInputs; i < rows.length; i++, from++) {
                rows[i][v] = input[from];
            }
        }
    }

    /**
     * Computes into {@code sums} one output of each of the first {@code used} runs, all of the same phase, whose
     * taps start at input {@code first} of their run.
     */
    private void filterRow(int phase, int first, int used) {
        float[] row = filter.row(phase, scratch);
        int c = filter.offset(phase);
        Arrays.fill(sums, 0, used, 0f);
        // Four taps per pass over the sums: a quarter of the loads and stores of one tap at a time.
        for (int j = first, end = first + taps; j < end; j += 4, c += 4) {
            accumulate(sums, used, rows[j], rows[j + 1], rows[j + 2], rows[j + 3],
                row[c], row[c + 1], row[c + 2], row[c + 3]);
        }
    }

    /** {@code sums[v] += c0 x0[v] + c1 x1[v] + c2 x2[v] + c3 x3[v]}: the loop C2 vectorises. */
    private static void accumulate(float[] sums, int n, float[] x0, float[] x1, float[] x2, float[] x3,
                                   float c0, float c1, float c2, float c3) {
        for (int v = 0; v < n; v++) {
            sums[v] += c0 * x0[v] + c1 * x1[v] + c2 * x2[v] + c3 * x3[v];
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
