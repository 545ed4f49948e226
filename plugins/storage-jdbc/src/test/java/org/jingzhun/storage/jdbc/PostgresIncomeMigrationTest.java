package org.jingzhun.storage.jdbc;

class PostgresIncomeMigrationTest extends AbstractIncomeMigrationTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

    @Override
    String migrationFolder() {
        return "postgresql";
    }

    @Override
    String versionBeforeItemColumns() {
        return "4";
    }
}
