package org.jingzhun.storage.jdbc;

class H2IncomeMigrationTest extends AbstractIncomeMigrationTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @Override
    String migrationFolder() {
        return "h2";
    }

    @Override
    String versionBeforeItemColumns() {
        return "5";
    }
}
