package org.jingzhun.storage.jdbc;

class MariaDbIncomeMigrationTest extends AbstractIncomeMigrationTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    String migrationFolder() {
        return "mysql";
    }

    @Override
    String versionBeforeItemColumns() {
        return "4";
    }
}
