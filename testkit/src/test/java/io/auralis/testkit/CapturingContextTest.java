package io.auralis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturingContextTest {

    @Test
    void keepsWhatACommandPrintsOnEachStreamInUtf8() {
        CapturingContext context = new CapturingContext(Path.of("work"));
        context.out().print("résumé\n");
        context.err().println("auralis: x.wav: truncated");
        context.err().println("second");
        assertEquals("résumé\n", context.outText());
        assertEquals(List.of("auralis: x.wav: truncated", "second"), context.errLines());
        assertEquals(Path.of("work"), context.workingDirectory());
        assertFalse(context.interactive());
        assertTrue(new CapturingContext(Path.of("work"), true).interactive());
    }
}
