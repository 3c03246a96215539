package io.auralis.audio.javasound;

import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.audio.ffmpeg.NeedsFfmpegException;
import io.auralis.audio.pcm.PcmEncoding;
import io.auralis.audio.pcm.PcmStream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Streams an AIFF, AIFF-C or Sun AU file as mono floats at the file's own rate. The JDK's own readers
 * ({@code javax.sound.sampled}) parse the container and hand over the raw sample bytes; the samples are converted
 * here by the same {@link io.auralis.audio.pcm.PcmDecoder} as WAV's (Java Sound's own converters scale 16-bit PCM
 * by 1/32767, which would make an AIFF decode to other samples than the WAV it was made from). The file is read in
 * chunks through one buffer ({@link PcmStream}), so memory does not grow with its length; a file that ends before
 * the frames its header declares is truncated.
 *
 * <p>Java Sound reads uncompressed AIFF and AIFF-C, and AU in 8 to 32-bit PCM, 32-bit float, A-law and mu-law.
 * Other encodings (compressed AIFF-C such as {@code ima4} or {@code fl32}, ADPCM AU) are refused with a
 * {@link NeedsFfmpegException}: Java Sound cannot tell them from a damaged header, so ffmpeg is asked.
 */
public final class JavaSoundSampleStream extends PcmStream {

    /** Bytes read at a time: large enough that system calls do not matter. */
    private static final int CHUNK_BYTES = 1 << 18;

    private JavaSoundSampleStream(AudioInputStream in, Layout layout, AudioInfo info) {
        super(info, info.frames, new Source(in), layout.encoding(), layout.channels(), layout.order(), CHUNK_BYTES);
    }

    /**
     * Reads a file's header.
     *
     * @param file the file
     * @param what what its magic bytes say it is, for messages ({@code "AIFF audio"})
     * @param format the short format name for {@link AudioInfo#format}
     * @return what the header says
     * @throws NeedsFfmpegException if Java Sound does not read the file or its encoding
     * @throws AudioFormatException if the header is cut short
     * @throws IOException if reading fails
     */
    public static AudioInfo probe(Path file, String what, String format) throws IOException {
        String name = file.toString();
        AudioFileFormat fileFormat = header(name, what, () -> AudioSystem.getAudioFileFormat(file.toFile()));
        Layout layout = Layout.of(name, what, fileFormat.getFormat());
        return info(name, format, layout, fileFormat.getFormat(), fileFormat.getFrameLength());
    }

    /**
     * Opens a file for reading.
     *
     * @param file the file
     * @param what what its magic bytes say it is, for messages ({@code "AIFF audio"})
     * @param format the short format name for {@link AudioInfo#format}
     * @return the stream, at the file's rate; the caller must close it
     * @throws NeedsFfmpegException if Java Sound does not read the file or its encoding
     * @throws AudioFormatException if the header is cut short or declares no audio
     * @throws IOException if reading fails
     */
    public static JavaSoundSampleStream open(Path file, String what, String format) throws IOException {
        String name = file.toString();
        AudioInputStream in = header(name, what, () -> AudioSystem.getAudioInputStream(file.toFile()));
        try {
            AudioFormat audioFormat = in.getFormat();
            Layout layout = Layout.of(name, what, audioFormat);
            AudioInfo info = info(name, format, layout, audioFormat, in.getFrameLength());
            if (info.frames == 0) {
                throw new AudioFormatException(name, "no audio: the " + what + " header declares 0 frames");
            }
            return new JavaSoundSampleStream(in, layout, info);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A call that makes Java Sound read a file's header. */
    private interface HeaderRead<T> {
        T read() throws UnsupportedAudioFileException, IOException;
    }

    /** Reads a header through Java Sound, turning its refusals into ours. */
    private static <T> T header(String name, String what, HeaderRead<T> read) throws IOException {
        try {
            return read.read();
        } catch (UnsupportedAudioFileException e) {
            throw new NeedsFfmpegException(name, "Java Sound cannot read this " + what + " (" + e.getMessage()
                + "): it is damaged or in an encoding that only ffmpeg decodes", what + " that Java Sound cannot read");
        } catch (EOFException e) {
            throw new AudioFormatException(name, "truncated " + what + " header");
        }
    }

    private static AudioInfo info(String name, String format, Layout layout, AudioFormat audioFormat, long frames) {
        AudioInfo info = new AudioInfo();
        info.file = name;
        info.format = format;
        info.encoding = layout.name();
        info.sampleRate = Math.round(audioFormat.getSampleRate());
        info.channels = layout.channels();
        info.frames = frames == AudioSystem.NOT_SPECIFIED ? -1 : frames;
        info.durationSeconds = info.frames < 0 ? -1 : info.frames / (double) info.sampleRate;
        return info;
    }

    @Override
    protected void ended() throws AudioFormatException {
        requireDeclaredLength("frames", "no audio: the file holds no samples");
    }

    /**
     * Java Sound's stream as a channel that reads straight into the buffer's array ({@code Channels.newChannel}
     * would copy through a transfer buffer of its own). Java Sound hands over whole frames only.
     */
    private static final class Source implements ReadableByteChannel {
        private final AudioInputStream in;

        Source(AudioInputStream in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int n = in.read(target.array(), target.arrayOffset() + target.position(), target.remaining());
            if (n > 0) {
                target.position(target.position() + n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * How the samples are stored.
     *
     * @param encoding the sample encoding
     * @param order the byte order of multi-byte samples
     * @param channels samples per frame
     * @param name the name reported in {@link AudioInfo#encoding}
     */
    private record Layout(PcmEncoding encoding, ByteOrder order, int channels, String name) {

        /** Maps Java Sound's description of the samples to ours, or refuses an encoding we do not convert. */
        static Layout of(String file, String what, AudioFormat format) throws AudioFormatException {
            int channels = format.getChannels();
            if (channels < 1) {
                throw new AudioFormatException(file, "the " + what + " header declares " + channels + " channels");
            }
            if (format.getSampleRate() < 1) {
                throw new AudioFormatException(file, "the " + what + " header declares a sample rate of "
                    + format.getSampleRate() + " Hz");
            }
            int bits = format.getSampleSizeInBits();
            // AIFF stores 12 or 20-bit samples left-justified in 2 or 3 bytes, like WAV: read the container.
            int container = format.getFrameSize() > 0 ? format.getFrameSize() / channels : (bits + 7) / 8;
            ByteOrder order = format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            AudioFormat.Encoding encoding = format.getEncoding();
            PcmEncoding pcm = null;
            String name = null;
            if (AudioFormat.Encoding.PCM_SIGNED.equals(encoding) && bits <= container * 8) {
                pcm = switch (container) {
                    case 1 -> PcmEncoding.PCM_S8;
                    case 2 -> PcmEncoding.PCM_16;
                    case 3 -> PcmEncoding.PCM_24;
                    case 4 -> PcmEncoding.PCM_32;
                    default -> null;
                };
                name = "pcm" + bits;
            } else if (AudioFormat.Encoding.PCM_UNSIGNED.equals(encoding) && container == 1) {
                pcm = PcmEncoding.PCM_U8;
                name = "pcm8";
            } else if (AudioFormat.Encoding.PCM_FLOAT.equals(encoding) && (container == 4 || container == 8)) {
                pcm = container == 4 ? PcmEncoding.FLOAT_32 : PcmEncoding.FLOAT_64;
                name = "float" + container * 8;
            } else if (AudioFormat.Encoding.ULAW.equals(encoding) && container == 1) {
                pcm = PcmEncoding.MU_LAW;
                name = "mulaw";
            } else if (AudioFormat.Encoding.ALAW.equals(encoding) && container == 1) {
                pcm = PcmEncoding.A_LAW;
                name = "alaw";
            }
            if (pcm == null) {
                String described = encoding + " with " + bits + " bits per sample";
                throw new NeedsFfmpegException(file, "unsupported " + what + " encoding: " + described,
                    what + " in " + described);
            }
            return new Layout(pcm, order, channels, name);
        }
    }
}
