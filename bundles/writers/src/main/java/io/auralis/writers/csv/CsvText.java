package io.auralis.writers.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 rows: fields separated by commas, rows ended by CRLF, and a field quoted when it holds a comma, a
 * double quote, a carriage return or a line feed, with its double quotes doubled.
 *
 * <p>Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage
 * return before one) as a formula, so a file named {@code =HYPERLINK(...).wav} would become a live link. Following
 * OWASP's advice on CSV injection, such a field gets a leading single quote, which spreadsheets show as text; so
 * does a field that starts with a quote itself, so that {@link #restore} can undo the rule exactly. Numbers
 * ({@code -3.5}, {@code 1.0E-5}) are left as they are: they are no formula.
 */
final class CsvText {
    /** The row terminator RFC 4180 prescribes. */
    static final String EOL = "\r\n";

    /** What a neutralised field starts with. */
    private static final char NEUTRAL = '\'';

    /** A number as {@link Double#toString} and {@link Float#toString} write it. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private CsvText() {
    }

    /**
     * Appends one row.
     *
     * @param out where to append
     * @param fields the fields; {@code null} is written as an empty field
     */
    static void appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, fields.get(i));
        }
        out.append(EOL);
    }

    /**
     * One row as UTF-8 bytes, such as a header.
     *
     * @param fields the fields; {@code null} is written as an empty field
     * @return the row, ending with CRLF
     */
    static byte[] row(List<String> fields) {
        StringBuilder row = new StringBuilder();
        appendRow(row, fields);
        return row.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends one field, quoted when it must be.
     *
     * @param out where to append
     * @param field the field, or {@code null} for an empty one
     */
    static void appendField(StringBuilder out, String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
        field = neutralise(field);
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /**
     * Makes a field safe to open in a spreadsheet: one that a spreadsheet would run as a formula, or that starts
     * with the quote this rule adds, gets a leading single quote.
     *
     * @param field a non-empty field
     * @return the field as written
     */
    static String neutralise(String field) {
        char c = field.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == NEUTRAL;
        return risky && !NUMBER.matcher(field).matches() ? NEUTRAL + field : field;
    }

    /**
     * Undoes {@link #neutralise}.
     *
     * @param field a field as read
     * @return the field as it was before it was written
     */
    static String restore(String field) {
        return !field.isEmpty() && field.charAt(0) == NEUTRAL ? field.substring(1) : field;
    }
}
