package org.jingzhun.storage.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/** Reads what a database error means, the same way for H2, PostgreSQL and MySQL/MariaDB. */
final class SqlErrors {
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    private static final int MYSQL_DEADLOCK = 1213;

    private SqlErrors() {
    }

    /** Whether {@code t} (or any cause, or any chained batch exception) is a unique-key violation. */
    static boolean isUniqueViolation(Throwable t) {
        for (SQLException e : sqlExceptions(t)) {
            String state = e.getSQLState();
            if ("23505".equals(state) || ("23000".equals(state) && e.getErrorCode() == MYSQL_DUPLICATE_KEY)
                    || e.getErrorCode() == MYSQL_DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code t} says the database rolled the transaction back to break a deadlock (SQL state 40001 on H2 and
     * MariaDB, 40P01 on PostgreSQL, MariaDB error 1213).
     */
    static boolean isDeadlock(Throwable t) {
        for (SQLException e : sqlExceptions(t)) {
            if ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())
                    || e.getErrorCode() == MYSQL_DEADLOCK) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code t} (or a cause, or a chained batch exception) is a violation of the unique index
     * {@code indexName}, which every supported database names in its message.
     */
    static boolean violatesUniqueIndex(Throwable t, String indexName) {
        if (!isUniqueViolation(t)) {
            return false;
        }
        String wanted = indexName.toLowerCase(java.util.Locale.ROOT);
        for (SQLException e : sqlExceptions(t)) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t} says the database could not be reached (no connection, refused, timed out). */
    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof java.net.ConnectException
                    || c instanceof java.net.UnknownHostException) {
                return true;
            }
            if (c instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** A short description of the deepest database error: SQL state and first line of its message. */
    static String describe(Throwable t) {
        SQLException deepest = null;
        for (SQLException e : sqlExceptions(t)) {
            deepest = e;
        }
        Throwable shown = deepest != null ? deepest : rootCause(t);
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        return deepest != null && deepest.getSQLState() != null ? deepest.getSQLState() + " " + firstLine : firstLine;
    }

    private static List<SQLException> sqlExceptions(Throwable t) {
        List<SQLException> out = new ArrayList<>();
        for (Throwable c = t; c != null && out.size() < 50; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException e) {
                for (SQLException n = e; n != null && out.size() < 50; n = n.getNextException()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
