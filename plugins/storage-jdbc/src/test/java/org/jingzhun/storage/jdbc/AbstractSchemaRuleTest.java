package org.jingzhun.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jingzhun.spi.storage.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scale-out rule, checked on the live schema through JDBC metadata: every table carries {@code county_code}, and
 * every primary key and every unique index contains it, so each table can be distributed by county (Citus, or a
 * MySQL-compatible distributed database) without change. Flyway's own history table is one exception: it is a
 * small local table of the coordinator, not registry data. The unique index on {@code members.active_citizen_id} is
 * the other, on purpose: a citizen ID is national, so "active in at most one household" holds across counties (see
 * the storage README on what that means for Citus).
 */
abstract class AbstractSchemaRuleTest {
    private static final String COUNTY = "county_code";
    private static final List<String> REGISTRY_TABLES = List.of("audit_chain_heads", "audit_log", "documents",
            "households", "income_statements", "members", "regions");
    /** The one unique index deliberately across counties. */
    private static final String GLOBAL_INDEX = "ux_members_active_citizen";

    private TestDatabase.Schema schema;
    private Storage storage;

    abstract TestDatabase database();

    @BeforeEach
    void migrate() {
        schema = database().newSchema();
        storage = TestDatabase.open(schema.config());
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
    void everyTableCarriesTheCountyCodeInEveryPrimaryAndUniqueKey() throws SQLException {
        try (Connection c = schema.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = tables(meta);

            assertThat(tables).containsExactlyInAnyOrderElementsOf(REGISTRY_TABLES);
            for (String table : tables) {
                assertThat(columns(meta, table)).as("columns of %s", table).contains(COUNTY);
                List<String> primaryKey = primaryKey(meta, table);
                assertThat(primaryKey).as("primary key of %s", table).isNotEmpty().contains(COUNTY);
                Map<String, List<String>> unique = uniqueIndexes(meta, table);
                assertThat(unique).as("unique indexes of %s", table).isNotEmpty();
                unique.forEach((index, columns) -> {
                    if (index.toLowerCase(Locale.ROOT).equals(GLOBAL_INDEX)) {
                        assertThat(table).isEqualTo("members");
                        assertThat(columns).containsExactly("active_citizen_id");
                    } else {
                        assertThat(columns).as("unique index %s of %s", index, table).contains(COUNTY);
                    }
                });
            }
        }
    }

    private List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(schema.catalog(), schema.schema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals("jingzhun_schema_history")) {
                    out.add(table);
                }
            }
        }
        return out;
    }

    private List<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(schema.catalog(), schema.schema(), name(meta, table), "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private List<String> primaryKey(DatabaseMetaData meta, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(schema.catalog(), schema.schema(), name(meta, table))) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Unique indexes by name with their columns; the primary key's own index is one of them. */
    private Map<String, List<String>> uniqueIndexes(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(schema.catalog(), schema.schema(), name(meta, table), true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
                    out.computeIfAbsent(index, i -> new ArrayList<>()).add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** The name as the database stores unquoted identifiers (H2 upper-cases them). */
    private static String name(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }
}
