package io.auralis.audio.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.Samples;

import org.junit.jupiter.api.Test;

class ResamplerKindTest {

    @Test
    void theSettingNamesAResamplerInAnyCase() {
        assertEquals(ResamplerKind.POLYPHASE, ResamplerKind.of("polyphase"));
        assertEquals(ResamplerKind.TARSOSDSP, ResamplerKind.of(" TarsosDSP "));
    }

    @Test
    void anUnknownNameIsRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResamplerKind.of("sinc"));
        assertTrue(e.getMessage().contains("polyphase, tarsosdsp"), e.getMessage());
    }

    @Test
    void eachKindOpensItsOwnStreamAndBothKeepTheLength() throws Exception {
        ResamplerFilters filters = new ResamplerFilters();
        for (ResamplerKind kind : ResamplerKind.values()) {
            try (AudioStream stream = filters.resample(LoopedStream.of(44100, new float[44101]), 16000, kind)) {
                Class<?> expected = kind == ResamplerKind.POLYPHASE ? PolyphaseResamplingStream.class
                    : TarsosResamplingStream.class;
                assertEquals(expected, stream.getClass());
                assertEquals(16000, Samples.readAll(stream, 1000).length, kind.id());
            }
        }
    }

    @Test
    void aRatePairIsDesignedOnce() {
        ResamplerFilters filters = new ResamplerFilters();
        assertSame(filters.polyphase(48000, 16000), filters.polyphase(48000, 16000));
    }
}
