package io.auralis.ser.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.UsageException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

class CommandLinesTest {
    private static final Options OPTIONS = new Options()
        .addOption(CommandLines.valued("model", "DIR", "the model to load"))
        .addOption(CommandLines.valued("epochs", "N", "epochs in all"))
        .addOption(CommandLines.valued("window", "S", "window length"))
        .addOption(CommandLines.flag("force", "replace what is there"));

    private static String error(String... args) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLines.parse(OPTIONS, List.of(args)));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void valuesComeWithASpaceOrAnEqualsSignAndArgumentsKeepTheirOrder() throws Exception {
        CommandLine line = CommandLines.parse(OPTIONS, List.of("a.wav", "--model", "m", "--epochs=3", "b.wav",
            "--force", "--", "--not-an-option"));
        assertEquals("m", line.getOptionValue("model"));
        assertEquals(3, CommandLines.integer(line, "epochs", 1, 1));
        assertTrue(line.hasOption("force"));
        assertEquals(List.of("a.wav", "b.wav", "--not-an-option"), line.getArgList());
        assertNull(CommandLines.positive(line, "window"));
    }

    @Test
    void flagProblemsAreOneLineNamingTheOption() {
        assertEquals("unknown option --speed", error("--speed", "2"));
        assertEquals("unknown option --colour", error("--colour=red"));
        assertEquals("unknown option --mod", error("--mod", "m"), "a prefix must not pass for --model");
        assertEquals("--model needs a value", error("a.wav", "--model"));
        assertEquals("--model needs a value", error("--model", "--force"));
        assertEquals("--model given twice", error("--model", "a", "--model=b"));
        assertEquals("--force takes no value", error("--force=yes"));
    }

    @Test
    void numbersAreCheckedWithTheOptionAndTheValueInTheMessage() throws Exception {
        CommandLine line = CommandLines.parse(OPTIONS, List.of("--epochs", "many", "--window", "2.5s"));
        assertEquals("--epochs must be an integer, got 'many'",
            assertThrows(UsageException.class, () -> CommandLines.integer(line, "epochs", 1, 1)).getMessage());
        assertEquals(2.5, CommandLines.positive(line, "window"));
        CommandLine negative = CommandLines.parse(OPTIONS, List.of("--epochs", "-1", "--window", "0"));
        assertEquals("--epochs must be at least 1, got -1",
            assertThrows(UsageException.class, () -> CommandLines.integer(negative, "epochs", 1, 1)).getMessage());
        assertEquals("--window must be a positive number, got 0",
            assertThrows(UsageException.class, () -> CommandLines.positive(negative, "window")).getMessage());
        assertEquals("--model is required",
            assertThrows(UsageException.class, () -> CommandLines.require(negative, "model")).getMessage());
    }

    @Test
    void usageListsEveryOptionWithItsDescriptionInDeclarationOrder() {
        String usage = CommandLines.usage(List.of("auralis ser thing [options]", "auralis ser thing --force"),
            "Does the thing.", OPTIONS, "Exit code 0.");
        assertTrue(usage.startsWith("Usage: auralis ser thing [options]\n       auralis ser thing --force\n"), usage);
        String options = usage.substring(usage.indexOf("Does the thing."));
        int model = options.indexOf("    --model DIR  ");
        int epochs = options.indexOf("    --epochs N  ");
        int window = options.indexOf("    --window S  ");
        int force = options.indexOf("--force");
        int help = options.indexOf("--help");
        assertTrue(model > 0 && model < epochs && epochs < window && window < force && force < help, usage);
        assertTrue(usage.contains("the model to load") && usage.contains("replace what is there"), usage);
        assertTrue(usage.endsWith("Exit code 0."), usage);
    }
}
