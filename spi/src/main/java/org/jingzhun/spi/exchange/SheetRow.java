package org.jingzhun.spi.exchange;

import java.util.List;

/**
 * A row of a sheet (工作表) as read: the sheet's name ({@code ""} for formats without sheet names, such as CSV), the
 * 1-based row number a clerk sees in the file, and the cells by column position.
 */
public record SheetRow(String sheet, long rowNumber, List<Cell> cells) {
    public SheetRow {
        sheet = sheet == null ? "" : sheet;
        cells = List.copyOf(cells);
    }

    /** The cell at a 0-based column, blank text past the end of the row. */
    public Cell cell(int column) {
        return column < cells.size() ? cells.get(column) : Cell.text("");
    }

    /** Whether every cell is blank. */
    public boolean empty() {
        return cells.stream().allMatch(Cell::blank);
    }
}
