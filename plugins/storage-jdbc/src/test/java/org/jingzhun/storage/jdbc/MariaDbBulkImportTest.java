package org.jingzhun.storage.jdbc;

class MariaDbBulkImportTest extends AbstractBulkImportTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
