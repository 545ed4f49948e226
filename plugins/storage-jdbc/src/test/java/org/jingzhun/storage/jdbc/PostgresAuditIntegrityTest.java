package org.jingzhun.storage.jdbc;

import java.util.List;

class PostgresAuditIntegrityTest extends AbstractAuditIntegrityTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

    @Override
    String migrationFolder() {
        return "postgresql";
    }

    @Override
    List<String> dropAppendOnlyTriggers() {
        return List.of("DROP TRIGGER audit_log_append_only ON audit_log");
    }
}
