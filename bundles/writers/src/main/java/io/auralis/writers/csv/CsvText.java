package io.auralis.writers.csv;

import java.util.List;

/**
 * RFC 4180 rows: fields separated by commas, rows ended by CRLF, and a field quoted when it holds a comma, a
 * double quote, a carriage return or a line feed, with its double quotes doubled.
 */
final class CsvText {
    /** The row terminator RFC 4180 prescribes. */
    static final String EOL = "\r\n";

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
     * Appends one field, quoted when it must be.
     *
     * @param out where to append
     * @param field the field, or {@code null} for an empty one
     */
    static void appendField(StringBuilder out, String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
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
}
