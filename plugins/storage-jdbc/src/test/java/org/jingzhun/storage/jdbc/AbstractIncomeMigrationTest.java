package org.jingzhun.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.SampleData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V6 (income items from the {@code income_items} table into one {@code item_<code>} column per item of
 * {@code income_statements}) keeps the statements already stored: a database migrated only up to the version before
 * V6 gets statements and items written into the old tables, then the storage opens it (migrating to the latest
 * version) and every read path returns the same statements, versions included, with absent items still absent and
 * zero amounts still present.
 */
abstract class AbstractIncomeMigrationTest {
    private static final String HISTORY_TABLE = "jingzhun_schema_history";

    private final SampleData data = new SampleData();
    private TestDatabase.Schema schema;
    private Storage storage;

    abstract TestDatabase database();

    /** The folder of the dialect's migrations. */
    abstract String migrationFolder();

    /** The last migration of the dialect before V6. */
    abstract String versionBeforeItemColumns();

    @BeforeEach
    void migrateToTheVersionBeforeItemColumns() {
        schema = database().newSchema();
        JdbcStorageConfig config = schema.config();
        Flyway.configure()
                .dataSource(config.url(), config.user(), config.password())
                .locations("classpath:org/jingzhun/storage/jdbc/migration/" + migrationFolder())
                .table(HISTORY_TABLE)
                .loggers("slf4j")
                .target(versionBeforeItemColumns())
                .load()
                .migrate();
    }

    @AfterEach
    void drop() {
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            if (schema != null) {
                schema.drop().run();
            }
        }
    }

    @Test
    void statementsStoredWithItemRowsReadTheSameAfterTheItemsMoveIntoColumns() throws SQLException {
        Household a1 = data.household(SampleData.VILLAGE_A1);
        Household a2 = data.household(SampleData.VILLAGE_A2);
        Household b1 = data.household(SampleData.VILLAGE_B1);
        IncomeStatement sample = data.incomeStatement(a1.id(), 2016).withVersion(3);
        Map<IncomeItem, BigDecimal> all = new EnumMap<>(IncomeItem.class);
        for (IncomeItem item : IncomeItem.values()) {
            all.put(item, new BigDecimal(item.ordinal() * 1000 + "." + (10 + item.ordinal())));
        }
        all.put(IncomeItem.PROPERTY, new BigDecimal("0.00"));
        all.put(IncomeItem.WAGES, new BigDecimal("999999999999.99"));
        IncomeStatement everyItem = new IncomeStatement(a1.id(), 2017, all, new BigDecimal("0.00"), 1, 1);
        IncomeStatement noItems = new IncomeStatement(a2.id(), 2016, Map.of(), new BigDecimal("310.00"), 2, 2);
        IncomeStatement oneItem = new IncomeStatement(b1.id(), 2016, Map.of(IncomeItem.PENSION,
                new BigDecimal("1320.50")), new BigDecimal("12.30"), 30, 7);
        List<IncomeStatement> old = List.of(sample, everyItem, noItems, oneItem);
        try (Connection c = schema.connect()) {
            insertTheOldWay(c, old);
        }

        storage = TestDatabase.open(schema.config());
        storage.inTransaction(tx -> tx.households().insertAll(List.of(a1, a2, b1)));

        for (IncomeStatement s : old) {
            assertThat(find(s.householdId(), s.year()))
                    .as("statement %s/%s", s.householdId(), s.year()).contains(s);
        }
        assertThat(find(a1.id(), 2016).orElseThrow().items())
                .containsEntry(IncomeItem.DONATION, new BigDecimal("0.00")).doesNotContainKey(IncomeItem.PENSION);
        assertThat(find(a2.id(), 2016).orElseThrow().items()).isEmpty();
        assertThat(ofHousehold(a1.id()))
                .containsExactly(sample, everyItem);
        assertThat(ofYear(List.of(b1.id(), a1.id(), a2.id()), 2016))
                .containsExactly(Map.entry(b1.id(), oneItem), Map.entry(a1.id(), sample), Map.entry(a2.id(), noItems));
        assertThat(within(SampleData.COUNTY, 2016))
                .containsExactly(Map.entry(a1.id(), sample), Map.entry(a2.id(), noItems), Map.entry(b1.id(), oneItem));
        assertThat(within(SampleData.TOWNSHIP_A, 2016))
                .containsExactly(Map.entry(a1.id(), sample), Map.entry(a2.id(), noItems));
        assertThat(within(SampleData.VILLAGE_A1, 2017))
                .containsExactly(Map.entry(a1.id(), everyItem));

        // The migrated versions go on guarding writes.
        IncomeStatement revised = new IncomeStatement(a2.id(), 2016, Map.of(IncomeItem.DONATION, BigDecimal.ZERO),
                new BigDecimal("310.00"), 2, 2);
        IncomeStatement saved = storage.inTransaction(tx -> tx.incomes().save(
                SampleData.COUNTY.countyCode(), revised));
        assertThat(saved.version()).isEqualTo(3);
        assertThat(find(a2.id(), 2016)).contains(saved);
        assertThatThrownBy(() -> storage.inTransaction(tx -> tx.incomes().save(SampleData.COUNTY.countyCode(),
                oneItem.withVersion(6)))).isInstanceOf(ConflictException.class);

        try (Connection c = schema.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            assertThat(tables(meta)).contains("income_statements").doesNotContain("income_items");
            assertThat(columns(meta, "income_statements")).containsAll(Arrays.stream(IncomeItem.values())
                    .map(i -> "item_" + i.code()).toList());
        }
    }

    private Optional<IncomeStatement> find(String householdId, int year) {
        return storage.inTransaction(tx -> tx.incomes().find(householdId, year));
    }

    private List<IncomeStatement> ofHousehold(String householdId) {
        return storage.inTransaction(tx -> tx.incomes().findByHousehold(householdId));
    }

    private Map<String, IncomeStatement> ofYear(List<String> householdIds, int year) {
        return storage.inTransaction(tx -> tx.incomes().findYear(householdIds, year));
    }

    private Map<String, IncomeStatement> within(RegionCode area, int year) {
        return storage.inTransaction(tx -> tx.incomes().findYearWithin(area, year));
    }

    private static void insertTheOldWay(Connection c, List<IncomeStatement> statements) throws SQLException {
        try (PreparedStatement header = c.prepareStatement("INSERT INTO income_statements (county_code, household_id, "
                + "income_year, production_costs, household_size, version) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement item = c.prepareStatement("INSERT INTO income_items (county_code, household_id, "
                        + "income_year, item, amount) VALUES (?, ?, ?, ?, ?)")) {
            for (IncomeStatement s : statements) {
                String county = s.householdId().substring(0, 6);
                header.setString(1, county);
                header.setString(2, s.householdId());
                header.setInt(3, s.year());
                header.setBigDecimal(4, s.productionCosts());
                header.setInt(5, s.householdSize());
                header.setLong(6, s.version());
                header.executeUpdate();
                for (Map.Entry<IncomeItem, BigDecimal> e : s.items().entrySet()) {
                    item.setString(1, county);
                    item.setString(2, s.householdId());
                    item.setInt(3, s.year());
                    item.setString(4, e.getKey().code());
                    item.setBigDecimal(5, e.getValue());
                    item.executeUpdate();
                }
            }
        }
    }

    private List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(schema.catalog(), schema.schema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private List<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet rs = meta.getColumns(schema.catalog(), schema.schema(), name, "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
