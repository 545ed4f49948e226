package org.jingzhun.spi.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sheet of a layout (工作表布局): its name, other names it is known by, and its columns in output order; no two
 * columns share a key.
 */
public record SheetLayout(String name, List<String> aliases, List<Column> columns) {
    public SheetLayout {
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        columns = List.copyOf(columns);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Column c : columns) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("sheet " + name + ": column " + c.key() + " twice");
            }
        }
    }

    public SheetLayout(String name, List<Column> columns) {
        this(name, List.of(), columns);
    }

    /** Whether a sheet of the file with that name is this one. */
    public boolean matchesName(String sheet) {
        String s = Column.normalise(sheet);
        return Column.normalise(name).equals(s) || aliases.stream().anyMatch(a -> Column.normalise(a).equals(s));
    }

    /** The column a header text names, if any. */
    public Optional<Column> columnFor(String header) {
        return columns.stream().filter(c -> c.matches(header)).findFirst();
    }

    /** Headers in output order. */
    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }
}
