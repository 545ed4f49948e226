package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageContractTest;

class MariaDbStorageContractTest extends AbstractStorageContractTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.MARIADB.createStorage();
    }
}
