package org.jingzhun.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jingzhun.spi.household.IncomeItem;

/**
 * The tables the raw JDBC baselines write (基准表): households, members with a citizen-ID index, and one income row
 * per household and year with a column per item, as the JDBC storage keeps them. One definition for every benchmark,
 * so their baselines write the same shape.
 */
final class RawSchema {
    private RawSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE households (county_code CHAR(6), id VARCHAR(40), region_code CHAR(12), "
                    + "main_cause VARCHAR(4), status VARCHAR(2), PRIMARY KEY (county_code, id))");
            s.execute("CREATE TABLE members (county_code CHAR(6), household_id VARCHAR(40), seq INT, "
                    + "citizen_id CHAR(18), name VARCHAR(50), relationship VARCHAR(4), health VARCHAR(2), "
                    + "PRIMARY KEY (county_code, household_id, seq))");
            s.execute("CREATE INDEX ix_members_citizen ON members (citizen_id)");
            StringBuilder items = new StringBuilder();
            for (IncomeItem item : IncomeItem.values()) {
                items.append(", item_").append(item.code()).append(" DECIMAL(14,2)");
            }
            s.execute("CREATE TABLE incomes (county_code CHAR(6), household_id VARCHAR(40), yr INT" + items
                    + ", PRIMARY KEY (county_code, household_id, yr))");
        }
    }
}
