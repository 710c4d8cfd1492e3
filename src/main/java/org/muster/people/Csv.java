package org.muster.people;

/** Writes values in PostgreSQL's COPY CSV format: always quoted, quotes doubled; null is unquoted empty. */
final class Csv {
    private Csv() {}

    static StringBuilder quote(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }
}
