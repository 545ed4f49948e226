package org.jingzhun.spi.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A layout (表样): the named set of sheets and columns a file follows, defined once as data and shared by every
 * format. {@link Layouts} holds the library's own and the national system's.
 */
public record Layout(String name, String title, List<SheetLayout> sheets) {
    public Layout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        sheets = List.copyOf(sheets);
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("layout " + name + " has no sheet");
        }
    }

    /** The sheet of that name (or alias). */
    public Optional<SheetLayout> sheet(String name) {
        return sheets.stream().filter(s -> s.matchesName(name)).findFirst();
    }

    /** The first sheet. */
    public SheetLayout first() {
        return sheets.get(0);
    }
}
