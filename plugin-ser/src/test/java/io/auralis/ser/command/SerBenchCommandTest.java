package io.auralis.ser.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.UsageException;
import io.auralis.ser.bench.SerBenchOptions;
import io.auralis.ser.model.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerBenchCommandTest {

    private static String error(String... args) {
        UsageException e = assertThrows(UsageException.class, () -> SerBenchCommand.parse(List.of(args)));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsMeasureAllFourArchitecturesOnThreeSecondClipsAtFiveBatchSizes() throws Exception {
        SerBenchOptions o = SerBenchCommand.parse(List.of());
        assertEquals(List.of(Architecture.CNN3, Architecture.CNN5, Architecture.CNN11, Architecture.CNN18),
            o.architectures());
        assertNull(o.model());
        assertEquals(3.0, o.clipSeconds());
        assertEquals(48000, o.clipSamples());
        assertEquals(List.of(1, 4, 16, 32, 64), o.batches());
        assertFalse(o.json());
    }

    @Test
    void batchesAreSortedAndDeduplicatedAndArchitecturesAcceptShortNames() throws Exception {
        SerBenchOptions o = SerBenchCommand.parse(List.of("--arch", "cnn18, cnn3gru,cnn18gru", "--batches",
            "32,1,32,4", "--clip-seconds", "1.5", "--json"));
        assertEquals(List.of(Architecture.CNN18, Architecture.CNN3), o.architectures());
        assertEquals(List.of(1, 4, 32), o.batches());
        assertEquals(24000, o.clipSamples());
        assertTrue(o.json());
    }

    @Test
    void aModelReplacesTheArchitectureList() throws Exception {
        SerBenchOptions o = SerBenchCommand.parse(List.of("--model", "default"));
        assertEquals("default", o.model());
        assertTrue(o.architectures().isEmpty());
        assertTrue(error("--model", "default", "--arch", "cnn3gru").contains("exclude each other"));
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        assertTrue(error("--arch", "cnn7gru").startsWith("--arch: unknown architecture 'cnn7gru'"));
        assertTrue(error("--batches", "1,x").contains("'x' is not a whole number"));
        assertTrue(error("--batches", "0").contains("0 is not from 1 to"));
        assertTrue(error("--batches", ",").contains("--batches needs a comma-separated list"));
        assertTrue(error("--clip-seconds", "-1").contains("--clip-seconds must be a positive number"));
        assertTrue(error("--clip-seconds", "0.01").contains("shorter than"));
        assertTrue(error("--train-steps", "-1").contains("--train-steps must be at least 0"));
        assertTrue(error("--device", "tpu").startsWith("--device: unknown device 'tpu'"));
        assertTrue(error("--frobnicate").contains("unknown option --frobnicate"));
        assertTrue(error("file.wav").contains("unexpected argument 'file.wav'"));
    }
}
