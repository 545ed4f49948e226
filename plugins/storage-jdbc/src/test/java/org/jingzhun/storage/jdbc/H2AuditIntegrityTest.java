package org.jingzhun.storage.jdbc;

import java.util.List;

class H2AuditIntegrityTest extends AbstractAuditIntegrityTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    String migrationFolder() {
        return "h2";
    }

    @Override
    List<String> dropAppendOnlyTriggers() {
        return List.of("DROP TRIGGER audit_log_append_only");
    }
}
