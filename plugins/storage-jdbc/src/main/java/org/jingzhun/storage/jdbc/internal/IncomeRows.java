package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;

/**
 * How an income statement maps to its one row in {@code income_statements} (migration V6): the key, production costs,
 * household size, version, and one nullable DECIMAL(14,2) column per {@link IncomeItem}, named {@code item_<code>}.
 * NULL is an item the statement does not have; 0.00 an item present with a zero amount. The exhaustive switch makes
 * adding an item without a column a compile error (and this class fail to load when an SPI with more items than it
 * was compiled against is on the class path).
 */
final class IncomeRows {
    /** A statement row: the statement with the county it is stored under. */
    record StatementRow(String countyCode, IncomeStatement statement) {
    }

    static final List<Column<StatementRow>> COLUMNS = columns();
    private static final Set<String> KEY = Set.of("county_code", "household_id", "income_year");

    static final String INSERT = Column.insert("income_statements", COLUMNS);
    /**
     * Stores a statement's values and new version ({@code :version}) if the stored version is {@code :expected}.
     */
    static final String UPDATE = "UPDATE income_statements SET " + COLUMNS.stream().map(Column::name)
            .filter(n -> !KEY.contains(n))
            .map(n -> n + " = :" + n).collect(Collectors.joining(", "))
            + " WHERE county_code = :county_code AND household_id = :household_id AND income_year = :income_year "
            + "AND version = :expected";
    /** The select list of {@link #COLUMNS}, qualified by the alias {@code s}, for queries mapped by {@link #MAPPER}. */
    static final String SELECT_LIST = COLUMNS.stream().map(c -> "s." + c.name()).collect(Collectors.joining(", "));

    private IncomeRows() {
    }

    static String column(IncomeItem item) {
        return switch (item) {
            case WAGES -> "item_101";
            case PRODUCTION -> "item_201";
            case PROPERTY -> "item_301";
            case FAMILY_PLANNING -> "item_401";
            case LOW_ALLOWANCE -> "item_402";
            case FIVE_GUARANTEES -> "item_403";
            case PENSION -> "item_404";
            case ECOLOGICAL_COMPENSATION -> "item_405";
            case OTHER_TRANSFER -> "item_409";
            case YULU_GRANT -> "item_451";
            case MEDICAL_REIMBURSEMENT -> "item_452";
            case HOUSING_GRANT -> "item_453";
            case OUTPUT_AWARD -> "item_454";
            case INSURANCE_PAYOUT -> "item_455";
            case DONATION -> "item_456";
        };
    }

    /** Maps rows of any query selecting {@link #SELECT_LIST} first to statements; positions resolved once per list. */
    static final RowMapper<IncomeStatement> MAPPER = new PositionalMapper<>(COLUMNS, IncomeRows::statement);

    private static IncomeStatement statement(ResultSet rs, Positions at) throws SQLException {
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        for (IncomeItem item : IncomeItem.values()) {
            BigDecimal amount = rs.getBigDecimal(at.of(column(item)));
            if (amount != null) {
                items.put(item, amount);
            }
        }
        // The record sets every amount to scale 2.
        return new IncomeStatement(rs.getString(at.of("household_id")), rs.getInt(at.of("income_year")), items,
                rs.getBigDecimal(at.of("production_costs")), rs.getInt(at.of("household_size")),
                rs.getLong(at.of("version")));
    }

    private static List<Column<StatementRow>> columns() {
        List<Column<StatementRow>> c = new ArrayList<>();
        c.add(new Column<>("county_code", Types.VARCHAR, StatementRow::countyCode));
        c.add(new Column<>("household_id", Types.VARCHAR, r -> r.statement().householdId()));
        c.add(new Column<>("income_year", Types.INTEGER, r -> r.statement().year()));
        c.add(new Column<>("production_costs", Types.DECIMAL, r -> r.statement().productionCosts()));
        c.add(new Column<>("household_size", Types.INTEGER, r -> r.statement().householdSize()));
        for (IncomeItem item : IncomeItem.values()) {
            // An absent item is bound as a NULL typed DECIMAL.
            c.add(new Column<>(column(item), Types.DECIMAL, r -> r.statement().items().get(item)));
        }
        c.add(new Column<>("version", Types.BIGINT, r -> r.statement().version()));
        return List.copyOf(c);
    }
}
