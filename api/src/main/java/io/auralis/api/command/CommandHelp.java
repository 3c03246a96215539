package io.auralis.api.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --help} text of a command, laid out the one way every command of the platform prints it, built-in or
 * contributed by a bundle, so that {@code auralis help analyze} and {@code auralis help ser predict} read alike:
 *
 * <pre>
 * Usage: auralis analyze [options] &lt;file|folder&gt;...
 *        auralis analyze --list-workflows
 *
 * Runs a workflow over audio files and folders ...
 *
 * Options:
 *   -w, --workflow FILE|NAME  the workflow to run ...
 *       --resume              keep the records already in the output ...
 *   -h, --help                show this help
 *
 * Exit codes: 0 every file analysed; ...
 * </pre>
 *
 * <p>The rules: the first line starts with {@code Usage: }, further synopsis lines are aligned under the first;
 * blocks (paragraphs and sections) are separated by one blank line; a section is a title ending in {@code :} and
 * rows of two columns, indented by two spaces, the second column two spaces after the widest first one and wrapped
 * under itself; an option is named {@code -s, --long ARG}, or {@code     --long ARG} without a short name (the
 * argument name bare, upper case by convention, never in angle brackets); no line is longer than {@link #WIDTH}
 * unless a single word is. A plugin that parses with Commons CLI passes each {@code Option}'s names, argument name
 * and description to {@link #option}.
 *
 * @since 1.1
 */
public final class CommandHelp {
    /** The widest line, in characters. */
    public static final int WIDTH = 100;
    private static final int INDENT = 2;
    private static final int GAP = 2;
    private static final String PREFIX = "Usage: ";

    private final List<String> synopsis = new ArrayList<>();
    private final List<Object> blocks = new ArrayList<>();
    private Section section;

    /** A title and its rows. */
    private record Section(String title, List<String[]> rows) {
    }

    /**
     * Starts the help of a command.
     *
     * @param synopsis the first usage line after {@code Usage: }, such as {@code auralis ser predict [options]
     *     <file|folder>...}
     * @param more further usage lines, printed under the first
     */
    public CommandHelp(String synopsis, String... more) {
        this.synopsis.add(synopsis);
        this.synopsis.addAll(List.of(more));
    }

    /**
     * Adds a paragraph. Lines broken by hand stay broken there (keeping their indentation); a line longer than
     * {@link #WIDTH} is wrapped at spaces.
     *
     * @param text the paragraph; an empty one adds nothing
     * @return this help
     */
    public CommandHelp paragraph(String text) {
        section = null;
        if (!text.isBlank()) {
            blocks.add(text.strip());
        }
        return this;
    }

    /**
     * Starts a section, such as {@code Commands:}; the rows and options after it belong to it.
     *
     * @param title the title, ending in {@code :}
     * @return this help
     */
    public CommandHelp section(String title) {
        section = new Section(title, new ArrayList<>());
        blocks.add(section);
        return this;
    }

    /**
     * Adds a row to the current section, such as a subcommand and its summary.
     *
     * @param term the first column
     * @param description the second, wrapped
     * @return this help
     * @throws IllegalStateException if no section was started
     */
    public CommandHelp row(String term, String description) {
        if (section == null) {
            throw new IllegalStateException("a row outside a section: " + term);
        }
        // White space collapsed here rather than by wrapping, so that a description too wide to wrap reads alike.
        String text = description == null || description.isBlank() ? "" : String.join(" ", description.strip()
            .split("\\s+"));
        section.rows().add(new String[] {term, text});
        return this;
    }

    /**
     * Adds an option to the current section, starting an {@code Options:} section if none is open.
     *
     * @param shortName the one-letter name without {@code -}, or {@code null}
     * @param longName the long name without {@code --}, or {@code null}
     * @param argName what the option's value is, such as {@code FILE|NAME}, or {@code null} for a flag
     * @param description what the option does
     * @return this help
     */
    public CommandHelp option(String shortName, String longName, String argName, String description) {
        if (section == null) {
            section("Options:");
        }
        return row(optionName(shortName, longName, argName), description);
    }

    /**
     * How an option is named in help: {@code -w, --workflow FILE|NAME}, or {@code     --resume}, aligned with the
     * long names of options that have a short one.
     *
     * @param shortName the one-letter name without {@code -}, or {@code null}
     * @param longName the long name without {@code --}, or {@code null}
     * @param argName the value's name, or {@code null} for a flag
     * @return the name
     */
    public static String optionName(String shortName, String longName, String argName) {
        StringBuilder name = new StringBuilder(shortName != null ? "-" + shortName + (longName != null ? ", " : "")
            : "    ");
        if (longName != null) {
            name.append("--").append(longName);
        }
        if (argName != null) {
            name.append(' ').append(argName);
        }
        return name.toString();
    }

    /**
     * The text.
     *
     * @return the lines, each ending in {@code \n}
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < synopsis.size(); i++) {
            text.append(i == 0 ? PREFIX : " ".repeat(PREFIX.length())).append(synopsis.get(i)).append('\n');
        }
        for (Object block : blocks) {
            text.append('\n');
            List<String> lines = block instanceof Section s ? lines(s) : paragraphLines((String) block);
            lines.forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }

    /**
     * Prints the text.
     *
     * @param out where to
     */
    public void print(PrintStream out) {
        out.print(text());
        out.flush();
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * Breaks text into lines of at most {@code width} characters at spaces, as help does; a longer word gets a line
     * of its own. For commands that print paragraphs of their own beside help, such as descriptions in a listing.
     *
     * @param text the text; runs of white space become one space
     * @param width the most characters per line
     * @return at least one line
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static List<String> paragraphLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String body = line.stripLeading();
            String indent = line.substring(0, line.length() - body.length());
            if (line.length() <= WIDTH || body.isEmpty()) {
                lines.add(line.stripTrailing());
            } else {
                wrap(body, WIDTH - indent.length()).forEach(part -> lines.add(indent + part));
            }
        }
        return lines;
    }

    private static List<String> lines(Section section) {
        List<String> lines = new ArrayList<>();
        lines.add(section.title());
        TextTable rows = new TextTable(2).gap(GAP).wrapLastColumn(WIDTH);
        section.rows().forEach(row -> rows.add((Object[]) row));
        rows.text(INDENT).lines().forEach(lines::add);
        return lines;
    }
}
