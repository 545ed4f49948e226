package org.jingzhun.storage.jdbc;

class H2BulkImportTest extends AbstractBulkImportTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
