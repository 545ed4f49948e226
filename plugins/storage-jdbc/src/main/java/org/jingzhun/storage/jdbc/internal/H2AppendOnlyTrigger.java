package org.jingzhun.storage.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that keeps a table append-only (只增不改): it refuses every UPDATE and DELETE of a row, as the
 * PL/pgSQL and MariaDB triggers of migration V7_2 do on the other databases. H2 instantiates it by name from
 * {@code CREATE TRIGGER … CALL}, hence public; nothing else uses it.
 */
public final class H2AppendOnlyTrigger implements Trigger {
    private String table = "?";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "45000");
    }
}
