package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStoragePropertyTest;

class PostgresStoragePropertyTest extends AbstractStoragePropertyTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.POSTGRES.createStorage();
    }
}
