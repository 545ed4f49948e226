package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageConcurrencyTest;

class MariaDbConcurrencyTest extends AbstractStorageConcurrencyTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.MARIADB.createStorage();
    }
}
