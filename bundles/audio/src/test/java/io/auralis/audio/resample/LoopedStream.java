package io.auralis.audio.resample;

import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

/**
 * A mono stream of a given length that repeats one array of samples, so that tests and benchmarks can run
 * resamplers over hours of audio without holding it.
 */
final class LoopedStream implements AudioStream {

    private final int rate;
    private final float[] period;
    private final long frames;
    private long position;

    /**
     * @param rate the stream's rate
     * @param period samples repeated from the start
     * @param frames the stream's length in samples
     */
    LoopedStream(int rate, float[] period, long frames) {
        this.rate = rate;
        this.period = period;
        this.frames = frames;
    }

    /** A stream of exactly the given samples. */
    static LoopedStream of(int rate, float[] samples) {
        return new LoopedStream(rate, samples, samples.length);
    }

    @Override
    public AudioInfo info() {
        AudioInfo info = new AudioInfo();
        info.file = "generated";
        info.sampleRate = rate;
        info.channels = 1;
        info.frames = frames;
        info.durationSeconds = frames / (double) rate;
        return info;
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public int read(float[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == frames) {
            return -1;
        }
        int n = (int) Math.min(length, frames - position);
        for (int done = 0; done < n; ) {
            int at = (int) (position % period.length);
            int chunk = Math.min(n - done, period.length - at);
            System.arraycopy(period, at, buffer, offset + done, chunk);
            done += chunk;
            position += chunk;
        }
        return n;
    }

    @Override
    public void close() {
    }
}
