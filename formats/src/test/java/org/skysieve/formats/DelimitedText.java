package org.skysieve.formats;

import java.util.ArrayList;
import java.util.List;

/** A strict reader of RFC 4180 CSV (quotes doubled inside quoted fields; CRLF or LF line ends) and of plain TSV. */
final class DelimitedText {
    private DelimitedText() {
    }

    static List<List<String>> parse(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && separator == ',') {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!record.isEmpty() || field.length() > 0) {
            throw new IllegalArgumentException("Expected the text to end with a line end. Actual: a partial record");
        }
        return records;
    }
}
