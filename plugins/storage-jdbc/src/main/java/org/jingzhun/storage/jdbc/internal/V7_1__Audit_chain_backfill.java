package org.jingzhun.storage.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;

/**
 * Migration 7.1, the same on every database: links the audit entries written before version 7 into each county's
 * hash chain, in sequence order (the sequences keep their gaps), and records each county's chain head. Runs between
 * V7 (columns and head table) and V7_2 (NOT NULL and the append-only triggers), so these are the last updates the
 * table ever accepts. Reads and writes a page at a time.
 */
final class V7_1__Audit_chain_backfill extends BaseJavaMigration {
    private static final int PAGE = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> counties = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT county_code FROM audit_log");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counties.add(rs.getString(1).strip());
            }
        }
        for (String county : counties) {
            link(c, county);
        }
    }

    private static void link(Connection c, String county) throws SQLException {
        String prev = AuditChain.GENESIS;
        long after = Long.MIN_VALUE;
        try (PreparedStatement select = c.prepareStatement("SELECT " + JdbcAuditRepository.COLUMNS
                        + " FROM audit_log WHERE county_code = ? AND seq > ? ORDER BY seq LIMIT " + PAGE);
                PreparedStatement update = c.prepareStatement("UPDATE audit_log SET prev_hash = ?, entry_hash = ? "
                        + "WHERE county_code = ? AND seq = ?")) {
            while (true) {
                select.setString(1, county);
                select.setLong(2, after);
                int read = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry e = AuditChain.link(JdbcAuditRepository.read(rs), rs.getLong("seq"), prev);
                        update.setString(1, e.prevHash());
                        update.setString(2, e.hash());
                        update.setString(3, county);
                        update.setLong(4, e.sequence());
                        update.addBatch();
                        prev = e.hash();
                        after = e.sequence();
                        read++;
                    }
                }
                update.executeBatch();
                if (read < PAGE) {
                    break;
                }
            }
        }
        try (PreparedStatement head = c.prepareStatement(
                "INSERT INTO audit_chain_heads (county_code, last_seq, last_hash) VALUES (?, ?, ?)")) {
            head.setString(1, county);
            head.setLong(2, after);
            head.setString(3, prev);
            head.executeUpdate();
        }
    }
}
