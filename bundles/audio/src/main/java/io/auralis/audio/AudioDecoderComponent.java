package io.auralis.audio;

import io.auralis.api.audio.AudioDecoder;
import io.auralis.api.audio.AudioFormatException;
import io.auralis.api.audio.AudioInfo;
import io.auralis.api.audio.AudioStream;
import io.auralis.audio.detect.MagicBytes;
import io.auralis.audio.detect.Signature;
import io.auralis.audio.ffmpeg.FfmpegProbe;
import io.auralis.audio.ffmpeg.FfmpegStream;
import io.auralis.audio.ffmpeg.FfmpegTools;
import io.auralis.audio.ffmpeg.FfprobeFailedException;
import io.auralis.audio.ffmpeg.NeedsFfmpegException;
import io.auralis.audio.flac.FlacSampleStream;
import io.auralis.audio.javasound.JavaSoundSampleStream;
import io.auralis.audio.pcm.LivePcmStream;
import io.auralis.audio.resample.ResamplerFilters;
import io.auralis.audio.resample.ResamplerKind;
import io.auralis.audio.wav.WavHeader;
import io.auralis.audio.wav.WavHeaderReader;
import io.auralis.audio.wav.StreamHead;
import io.auralis.audio.wav.WavSampleStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link AudioDecoder} service. Read in Java and streamed, without ffmpeg: WAV (RIFF, RF64, BW64; 8 to 32-bit
 * PCM, 32 and 64-bit float, A-law, mu-law, extensible), FLAC (4 to 24 bits, by the embedded jFLAC), and AIFF,
 * AIFF-C and Sun AU (through the JDK's {@code javax.sound.sampled}). Every other format (MP3, Ogg Vorbis, Opus,
 * M4A/AAC, ADPCM WAV, compressed AIFF-C, ...) is decoded by an installed {@code ffmpeg}. Files are recognised by
 * their content, not their name. Output is mono (channels averaged) at the requested rate, resampled when the
 * source rate differs by our polyphase resampler ({@link io.auralis.audio.resample.PolyphaseResamplingStream}) or,
 * if configured, TarsosDSP's: the same downmix and resampler for every format.
 */
@Component(service = AudioDecoder.class, configurationPid = "io.auralis.audio")
@Designate(ocd = AudioDecoderComponent.Config.class)
public class AudioDecoderComponent implements AudioDecoder {

    /** The decoder's settings (configuration PID {@code io.auralis.audio}). */
    @ObjectClassDefinition(name = "Auralis audio decoder",
        description = "Decodes audio files to mono float samples at the rate an analysis asks for.")
    public @interface Config {
        /**
         * The ffmpeg executable.
         *
         * @return a name looked up on PATH, or a path
         */
        @AttributeDefinition(name = "ffmpeg",
            description = "The ffmpeg executable used for formats other than WAV, FLAC, AIFF and AU (MP3, Ogg, Opus, "
                + "M4A, ...): a name looked up on PATH, or a path. ffprobe is looked for beside it.")
        String ffmpeg() default "ffmpeg";

        /**
         * The resampler.
         *
         * @return {@code polyphase} or {@code tarsosdsp}
         */
        @AttributeDefinition(name = "Resampler",
            description = "How audio at another rate is resampled: polyphase (flat to 87.5 % of the lower Nyquist "
                + "frequency, at least 80 dB of stopband, several times faster) or tarsosdsp (the resampler used "
                + "before, kept for comparison).",
            options = {
                @Option(value = "polyphase", label = "Polyphase Kaiser-windowed sinc"),
                @Option(value = "tarsosdsp", label = "TarsosDSP (libresample)")
            })
        String resampler() default "polyphase";
    }

    /**
     * The widest rate change allowed. The filter's length grows with the decimation factor (23,000 taps at 256:1)
     * and the resampler's buffers with the ratio's terms; beyond it they would grow without useful bound.
     */
    static final int MAX_RATE_RATIO = 256;

    private static final String INSTALL_HINT = "install it, e.g. apt-get install ffmpeg";

    private final ResamplerFilters filters = new ResamplerFilters();
    private volatile FfmpegTools ffmpeg;
    private volatile ResamplerKind resampler;

    /** Creates the component with the default settings, for Declarative Services. */
    public AudioDecoderComponent() {
        this("ffmpeg");
    }

    /**
     * Creates a decoder outside a framework, with the default resampler.
     *
     * @param ffmpeg the ffmpeg executable: a name looked up on PATH, or a path
     */
    public AudioDecoderComponent(String ffmpeg) {
        this(ffmpeg, ResamplerKind.POLYPHASE);
    }

    /**
     * Creates a decoder outside a framework.
     *
     * @param ffmpeg the ffmpeg executable: a name looked up on PATH, or a path
     * @param resampler how audio at another rate is resampled
     */
    public AudioDecoderComponent(String ffmpeg, ResamplerKind resampler) {
        this.ffmpeg = new FfmpegTools(ffmpeg);
        this.resampler = resampler;
    }

    /**
     * Applies the configuration.
     *
     * @param config the settings
     */
    @Activate
    @Modified
    void configure(Config config) {
        ffmpeg = new FfmpegTools(config.ffmpeg());
        resampler = ResamplerKind.of(config.resampler());
    }

    @Override
    public AudioInfo probe(Path file) throws IOException {
        String name = file.toString();
        Signature signature = identify(file);
        switch (signature.kind()) {
            case WAV -> {
                try (FileChannel channel = openChannel(file)) {
                    return wavInfo(name, signature, WavHeaderReader.read(channel, channel.size(), name));
                } catch (NeedsFfmpegException e) {
                    return probeWithFfmpeg(file, signature, e);
                }
            }
            case FLAC -> {
                try {
                    return FlacSampleStream.probe(file);
                } catch (NeedsFfmpegException e) {
                    return probeWithFfmpeg(file, signature, e);
                }
            }
            case JAVA_SOUND -> {
                try {
                    return JavaSoundSampleStream.probe(file, signature.description(), signature.format());
                } catch (NeedsFfmpegException e) {
                    return probeWithFfmpeg(file, signature, e);
                }
            }
            case FFMPEG, UNKNOWN -> {
                return probeWithFfmpeg(file, signature, null);
            }
            default -> throw notAudio(name, signature);
        }
    }

    @Override
    public AudioStream open(Path file, int sampleRate) throws IOException {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        String name = file.toString();
        Signature signature = identify(file);
        AudioStream source = switch (signature.kind()) {
            case WAV -> openWav(file, signature);
            case FLAC, JAVA_SOUND -> openInJava(file, signature);
            case FFMPEG, UNKNOWN -> openWithFfmpeg(file, signature, null);
            default -> throw notAudio(name, signature);
        };
        return atRate(source, sampleRate, name);
    }

    /**
     * Reads a WAV front to back (its data size may be a pipe's placeholder: the audio then runs to the end of the
     * stream), or raw PCM as {@code raw} describes it; both are read as they arrive, through {@link LivePcmStream}.
     */
    @Override
    public AudioStream open(InputStream input, String name, AudioInfo raw, int sampleRate) throws IOException {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        AudioStream source;
        try {
            source = raw != null ? openRaw(input, name, raw) : openWavStream(input, name);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
        return atRate(source, sampleRate, name);
    }

    private static AudioStream openRaw(InputStream input, String name, AudioInfo raw) throws AudioFormatException {
        LivePcmStream.Raw encoding = LivePcmStream.raw(raw.encoding);
        if (encoding == null) {
            throw new AudioFormatException(name, "unknown raw encoding '" + raw.encoding + "' (known: "
                + LivePcmStream.RAW_NAMES + ")");
        }
        if (raw.sampleRate <= 0 || raw.channels <= 0) {
            throw new AudioFormatException(name, "raw PCM needs a positive rate and channel count, not "
                + raw.sampleRate + " Hz and " + raw.channels + " channels");
        }
        AudioInfo info = new AudioInfo();
        info.file = name;
        info.format = "raw";
        info.encoding = raw.encoding.trim().toLowerCase(Locale.ROOT);
        info.sampleRate = raw.sampleRate;
        info.channels = raw.channels;
        return new LivePcmStream(input, encoding.encoding(), encoding.order(), info, LivePcmStream.UNBOUNDED);
    }

    private static AudioStream openWavStream(InputStream input, String name) throws IOException {
        StreamHead head = new StreamHead(input, name);
        ByteBuffer first = ByteBuffer.allocate(MagicBytes.HEAD_LENGTH);
        // Only the first 12 bytes are certain to be there before the audio: enough to tell RIFF/RF64 WAVE.
        first.limit(12);
        head.read(first, 0);
        Signature signature = MagicBytes.identify(first.array(), first.position());
        if (signature.kind() != Signature.Kind.WAV) {
            throw new AudioFormatException(name, "only WAV or raw PCM can be read from a stream, not "
                + signature.description() + " (convert it on the way: ffmpeg -i FILE -f wav -, or give the raw "
                + "format)");
        }
        WavHeader header = WavHeaderReader.read(head, StreamHead.UNKNOWN_SIZE, name);
        AudioInfo info = wavInfo(name, signature, header);
        // A pipe's header cannot know the length; an honest one may, and the audio then stops there.
        boolean placeholder = header.frames() * header.frameSize() > StreamHead.UNKNOWN_SIZE / 2;
        if (placeholder) {
            info.frames = -1;
            info.durationSeconds = -1;
        }
        return new LivePcmStream(head.from(header.dataOffset()), header.encoding(), ByteOrder.LITTLE_ENDIAN,
            info, placeholder ? LivePcmStream.UNBOUNDED : header.frames());
    }

    private AudioStream atRate(AudioStream source, int sampleRate, String name) throws IOException {
        int sourceRate = source.sampleRate();
        if (sourceRate == sampleRate) {
            return source;
        }
        if ((long) sourceRate > (long) sampleRate * MAX_RATE_RATIO
            || (long) sampleRate > (long) sourceRate * MAX_RATE_RATIO) {
            source.close();
            throw new AudioFormatException(name, "cannot resample " + sourceRate + " Hz to " + sampleRate
                + " Hz: the ratio exceeds 1:" + MAX_RATE_RATIO);
        }
        return filters.resample(source, sampleRate, resampler);
    }

    private AudioStream openWav(Path file, Signature signature) throws IOException {
        String name = file.toString();
        FileChannel channel = openChannel(file);
        try {
            WavHeader header = WavHeaderReader.read(channel, channel.size(), name);
            return new WavSampleStream(channel, header, wavInfo(name, signature, header));
        } catch (NeedsFfmpegException e) {
            channel.close();
            return openWithFfmpeg(file, signature, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** FLAC, AIFF and AU: decoded in Java, unless the file turns out to need ffmpeg after all. */
    private AudioStream openInJava(Path file, Signature signature) throws IOException {
        try {
            return signature.kind() == Signature.Kind.FLAC
                ? FlacSampleStream.open(file)
                : JavaSoundSampleStream.open(file, signature.description(), signature.format());
        } catch (NeedsFfmpegException e) {
            return openWithFfmpeg(file, signature, e);
        }
    }

    private static AudioInfo wavInfo(String name, Signature signature, WavHeader header) {
        AudioInfo info = new AudioInfo();
        info.file = name;
        info.format = signature.format();
        info.encoding = header.encodingName();
        info.sampleRate = header.sampleRate();
        info.channels = header.channels();
        info.frames = header.frames();
        info.durationSeconds = header.frames() / (double) header.sampleRate();
        return info;
    }

    /**
     * Probes a file with ffprobe.
     *
     * @param unsupported set when the file is in a container read natively but in an encoding that is not, for the
     *     message when ffmpeg is missing
     */
    private AudioInfo probeWithFfmpeg(Path file, Signature signature, NeedsFfmpegException unsupported)
        throws IOException {
        Optional<Path> ffprobe = ffmpeg.ffprobe();
        if (ffprobe.isEmpty() || ffmpeg.ffmpeg().isEmpty()) {
            throw missingFfmpeg(file.toString(), signature, unsupported, ffmpeg.ffmpeg().isPresent());
        }
        try {
            return FfmpegProbe.probe(ffprobe.get(), file, signature.format());
        } catch (FfprobeFailedException e) {
            String name = file.toString();
            if (signature.kind() == Signature.Kind.UNKNOWN) {
                // Neither the magic bytes nor ffmpeg know it: most likely not audio at all.
                throw new AudioFormatException(name, "not an audio file (" + signature.description() + "; ffprobe: "
                    + e.reason() + ")");
            }
            String what = unsupported != null ? unsupported.what() : signature.description();
            throw new AudioFormatException(name, "corrupt or unreadable " + what + " (ffprobe: " + e.reason() + ")");
        }
    }

    private AudioStream openWithFfmpeg(Path file, Signature signature, NeedsFfmpegException unsupported)
        throws IOException {
        AudioInfo info = probeWithFfmpeg(file, signature, unsupported);
        Optional<Path> executable = ffmpeg.ffmpeg();
        if (executable.isEmpty()) {
            throw missingFfmpeg(file.toString(), signature, unsupported, false);
        }
        return FfmpegStream.open(executable.get(), file, info);
    }

    private AudioFormatException missingFfmpeg(String name, Signature signature,
                                               NeedsFfmpegException unsupported, boolean onlyProbeMissing) {
        String tool = onlyProbeMissing ? "ffprobe (part of ffmpeg)" : "ffmpeg";
        String which = ffmpeg.isExplicitPath() && !onlyProbeMissing
            ? "which is not at " + ffmpeg.configured() + " (check the ffmpeg setting of io.auralis.audio)"
            : "which is not installed (" + INSTALL_HINT + ")";
        if (unsupported != null) {
            return new AudioFormatException(name, unsupported.problem() + "; decoding it needs " + tool + ", " + which);
        }
        if (signature.kind() == Signature.Kind.UNKNOWN) {
            return new AudioFormatException(name, signature.description() + ": not WAV, and " + tool
                + ", which could identify other formats, " + which.substring("which ".length()));
        }
        return new AudioFormatException(name, signature.description() + " needs " + tool + ", " + which);
    }

    private static AudioFormatException notAudio(String name, Signature signature) {
        if (signature.kind() == Signature.Kind.RIFF_NOT_WAVE) {
            return new AudioFormatException(name, "not WAV audio: a RIFF file of another type ("
                + signature.description() + ")");
        }
        return new AudioFormatException(name, "not an audio file (looks like " + signature.description() + ")");
    }

    /** Checks that the file can be read at all and identifies it by its first bytes. */
    private static Signature identify(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new AudioFormatException(name, "is a directory, not an audio file");
        }
        if (!Files.exists(file)) {
            throw new AudioFormatException(name, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? "broken symbolic link" : "no such file");
        }
        try (FileChannel channel = openChannel(file)) {
            long size = channel.size();
            if (size == 0) {
                throw new AudioFormatException(name, "empty file (0 bytes)");
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, MagicBytes.HEAD_LENGTH));
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // Read until the head is full; a regular file fills it in one read.
            }
            return MagicBytes.identify(head.array(), head.position());
        }
    }

    private static FileChannel openChannel(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file.toString(), "no such file");
        } catch (AccessDeniedException e) {
            throw new AudioFormatException(file.toString(), "cannot read it: permission denied");
        }
    }
}
