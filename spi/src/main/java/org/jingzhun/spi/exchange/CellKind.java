package org.jingzhun.spi.exchange;

/** What a cell held in the file: text, a number, a yes/no value, a formula (refused on input) or an error value. */
public enum CellKind {
    TEXT, NUMBER, BOOLEAN, FORMULA, ERROR
}
