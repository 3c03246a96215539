package io.auralis.testkit;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;

import java.nio.file.Path;

/** A decoder that hands the host's engine samples held in memory, as mono audio already at the analysis rate. */
final class MemoryDecoder implements AudioDecoder {
    private final float[] audio;

    MemoryDecoder(float[] audio) {
        this.audio = audio.clone();
    }

    private AudioInfo info(Path file, int rate) {
        AudioInfo info = new AudioInfo();
        info.file = file.toString();
        info.format = "memory";
        info.encoding = "float";
        info.sampleRate = rate;
        info.channels = 1;
        info.frames = audio.length;
        info.durationSeconds = audio.length / (double) rate;
        return info;
    }

    @Override
    public AudioInfo probe(Path file) {
        return info(file, io.auralis.host.workflow.Workflow.DEFAULT_SAMPLE_RATE);
    }

    @Override
    public AudioStream open(Path file, int sampleRate) {
        AudioInfo info = info(file, sampleRate);
        return new AudioStream() {
            private int position;

            @Override
            public AudioInfo info() {
                return info;
            }

            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public int read(float[] buffer, int offset, int length) {
                if (position == audio.length) {
                    return -1;
                }
                int n = Math.min(length, audio.length - position);
                System.arraycopy(audio, position, buffer, offset, n);
                position += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }
}
