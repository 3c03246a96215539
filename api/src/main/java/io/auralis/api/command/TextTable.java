package io.auralis.api.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text in aligned columns, two spaces apart unless told otherwise; the last column is not padded, so long
 * locations or descriptions do not push trailing blanks. The one table printer of every command's output, built-in
 * or contributed by a bundle: {@code bundles list}, {@code extractors}, the {@code bench} and {@code ser bench}
 * reports, and the sections of {@link CommandHelp}.
 *
 * <pre>{@code
 * new TextTable(3, "model", "files", "wall").add("default", 120, "4.2 s").print(context.out(), 0);
 * }</pre>
 *
 * <p>Not thread-safe; a table is filled and printed by one command.
 *
 * @since 1.2
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private int width;
    private int gap = 2;

    /**
     * Creates a table.
     *
     * @param columns the number of columns, at least one; cells beyond it are dropped
     * @param header the column titles, or none for a table without a header row
     */
    public TextTable(int columns, String... header) {
        if (columns < 1) {
            throw new IllegalArgumentException("a table of at least one column, not " + columns);
        }
        this.columns = columns;
        if (header.length > 0) {
            add((Object[]) header);
        }
    }

    /**
     * Adds a row; {@code null} cells print empty.
     *
     * @param cells the cells, at most one per column
     * @return this table
     */
    public TextTable add(Object... cells) {
        String[] row = new String[columns];
        Arrays.fill(row, "");
        for (int i = 0; i < Math.min(cells.length, columns); i++) {
            row[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    /**
     * Wraps the last column so that lines stay within a width, continuing under the column's start. Columns
     * before it are never wrapped; if they leave less than 30 characters, the last one is not wrapped either.
     *
     * @param lineWidth the width of a line, such as 100
     * @return this table
     */
    public TextTable wrapLastColumn(int lineWidth) {
        this.width = lineWidth;
        return this;
    }

    /**
     * Sets the spaces between columns (2 unless set).
     *
     * @param spaces at least one
     * @return this table
     */
    public TextTable gap(int spaces) {
        if (spaces < 1) {
            throw new IllegalArgumentException("a gap of at least one space, not " + spaces);
        }
        this.gap = spaces;
        return this;
    }

    /**
     * Prints the table.
     *
     * @param out where to
     * @param indent spaces before each row
     */
    public void print(PrintStream out, int indent) {
        lines(indent).forEach(out::println);
    }

    /**
     * The table as text.
     *
     * @param indent spaces before each row
     * @return the lines, each ending in a line break
     */
    public String text(int indent) {
        StringBuilder text = new StringBuilder();
        lines(indent).forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private List<String> lines(int indent) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String margin = " ".repeat(indent);
        int lastStart = indent;
        for (int i = 0; i < columns - 1; i++) {
            lastStart += widths[i] + gap;
        }
        int lastWidth = width - lastStart;
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(margin);
            for (int i = 0; i < columns - 1; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + gap));
            }
            List<String> last = width > 0 && lastWidth >= 30 ? CommandHelp.wrap(row[columns - 1], lastWidth)
                : List.of(row[columns - 1]);
            lines.add((line + last.get(0)).stripTrailing());
            for (String more : last.subList(1, last.size())) {
                lines.add(" ".repeat(lastStart) + more);
            }
        }
        return lines;
    }
}
