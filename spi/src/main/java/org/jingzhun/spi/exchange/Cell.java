package org.jingzhun.spi.exchange;

import java.util.Objects;

/**
 * One cell (单元格) as read from a file: its kind and its text (for a number, the plain decimal digits; for a formula,
 * the formula text).
 */
public record Cell(CellKind kind, String text) {
    public Cell {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    public static Cell text(String text) {
        return new Cell(CellKind.TEXT, text);
    }

    public static Cell number(String digits) {
        return new Cell(CellKind.NUMBER, digits);
    }

    /** Blank text. */
    public boolean blank() {
        return text.isBlank();
    }
}
