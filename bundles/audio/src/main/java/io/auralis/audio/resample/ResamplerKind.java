package io.auralis.audio.resample;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The resamplers the decoder can use, by the name its configuration gives them. */
public enum ResamplerKind {

    /** {@link PolyphaseResamplingStream}, the default: flat to 7 kHz of 8, 80 dB and more of stopband, fast. */
    POLYPHASE,

    /** {@link TarsosResamplingStream}, the resampler used before the polyphase one, kept for comparison. */
    TARSOSDSP;

    /**
     * The name in the configuration.
     *
     * @return the lower-case name, such as {@code polyphase}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The resampler a configuration names.
     *
     * @param id {@code polyphase} or {@code tarsosdsp}, in any case
     * @return the kind
     * @throws IllegalArgumentException naming the choices, if {@code id} is none of them
     */
    public static ResamplerKind of(String id) {
        for (ResamplerKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown resampler '" + id + "' (choices: "
            + Arrays.stream(values()).map(ResamplerKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
