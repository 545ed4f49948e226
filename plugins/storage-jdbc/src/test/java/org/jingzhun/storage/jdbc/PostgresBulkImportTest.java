package org.jingzhun.storage.jdbc;

class PostgresBulkImportTest extends AbstractBulkImportTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
