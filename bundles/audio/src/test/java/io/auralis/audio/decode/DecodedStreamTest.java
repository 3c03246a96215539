package io.auralis.audio.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DecodedStreamTest {

    /** A source of {@code available} samples, read at most 3 at a time, whose end is checked as a file's. */
    private static final class Counting extends DecodedStream {
        private final long available;
        private long position;
        int decodes;
        int ends;

        Counting(long declared, long available) {
            super(eightKilohertz(), declared);
            this.available = available;
        }

        private static AudioInfo eightKilohertz() {
            AudioInfo info = new AudioInfo();
            info.file = "x.wav";
            info.sampleRate = 8000;
            return info;
        }

        @Override
        protected int decode(float[] buffer, int offset, int length) throws IOException {
            decodes++;
            if (position == available) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, 3), available - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = position++;
            }
            return n;
        }

        @Override
        protected void ended() throws AudioFormatException {
            ends++;
            requireDeclaredLength("frames", "no audio: nothing");
        }

        @Override
        public void close() {
        }
    }

    private static long drain(DecodedStream s) throws IOException {
        float[] buffer = new float[5];
        long total = 0;
        for (int n; (n = s.read(buffer, 0, buffer.length)) >= 0; ) {
            total += n;
        }
        return total;
    }

    @Test
    void deliversNoMoreThanTheHeaderDeclaresAndNeverDecodesBeyondIt() throws IOException {
        Counting s = new Counting(7, 100);
        assertEquals(7, drain(s));
        assertEquals(3, s.decodes, "3 + 3 + 1 samples, then the declared end without decoding");
        assertEquals(1, s.ends);
        assertEquals(-1, s.read(new float[4], 0, 4));
        assertEquals(1, s.ends, "the end is checked once");
        assertEquals(0, s.read(new float[4], 0, 0));
    }

    @Test
    void aSourceThatEndsBeforeTheDeclaredFramesIsTruncatedAndThenOver() throws IOException {
        Counting s = new Counting(10, 4);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> drain(s));
        assertEquals("x.wav: truncated: the file ends after 4 frames of the 10 its header declares", e.getMessage());
        assertEquals(-1, s.read(new float[4], 0, 4), "a failed stream is over");
    }

    @Test
    void anUnboundedSourceRunsToItsEndAndEmptyIsNoAudio() throws IOException {
        assertEquals(11, drain(new Counting(DecodedStream.UNBOUNDED, 11)));
        AudioFormatException e = assertThrows(AudioFormatException.class,
            () -> drain(new Counting(DecodedStream.UNBOUNDED, 0)));
        assertEquals("x.wav: no audio: nothing", e.getMessage());
    }

    @Test
    void readsOutsideTheBufferAreRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> new Counting(5, 5).read(new float[4], 2, 3));
    }
}
