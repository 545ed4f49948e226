package org.jingzhun.storage.jdbc;

import java.util.List;

class MariaDbAuditIntegrityTest extends AbstractAuditIntegrityTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    String migrationFolder() {
        return "mysql";
    }

    @Override
    List<String> dropAppendOnlyTriggers() {
        return List.of("DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete");
    }
}
