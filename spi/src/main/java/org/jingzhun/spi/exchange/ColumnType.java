package org.jingzhun.spi.exchange;

/**
 * How a column's cells are typed (列类型): text, whole number, decimal, yes/no (是/否), one coded value or several
 * coded values separated by {@code 、}. Coded values accept the code or the zh label on input and are written as labels.
 */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, BOOLEAN, CODE, CODES
}
