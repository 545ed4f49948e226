package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageConcurrencyTest;

class PostgresConcurrencyTest extends AbstractStorageConcurrencyTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.POSTGRES.createStorage();
    }
}
