package io.auralis.host.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * The platform's one help style, as tests check it on every command's {@code --help}: the layout
 * {@code io.auralis.api.command.CommandHelp} gives, so a command that prints its own text in another style fails.
 */
public final class HelpStyle {
    /** An option row: {@code -w, --workflow FILE|NAME}, or {@code     --resume}, then its description. */
    private static final String OPTION = "  (-\\w, |    )--[a-z0-9-]+( [^ <>]+)?(  +\\S.*)?";

    private HelpStyle() {
    }

    /**
     * Fails unless the text is help in the platform's style.
     *
     * @param command the command line that printed it, for the message
     * @param text what it printed
     */
    public static void assertConforms(String command, String text) {
        List<String> lines = text.lines().toList();
        assertTrue(!lines.isEmpty() && lines.get(0).startsWith("Usage: auralis "),
            command + ": starts with 'Usage: auralis ':\n" + text);
        assertTrue(text.contains("\n  -h, --help  "), command + ": lists -h, --help:\n" + text);
        boolean options = false;
        for (String line : lines) {
            // unless a single word is longer: it gets a line of its own
            assertTrue(line.length() <= 100 || !line.strip().contains(" "), command + ": at most 100 columns: "
                + line);
            assertTrue(!line.startsWith("usage:") && !line.contains("-h,--help"), command + ": " + line);
            options = line.endsWith("ptions:") || options && !line.isBlank();
            // a row starts at column 2 (or 6, a long option alone); its wrapped description much further in
            if (options && line.matches("  (    )?-.*")) {
                assertTrue(line.matches(OPTION), command + ": an option named the platform's way: " + line);
            }
        }
    }
}
