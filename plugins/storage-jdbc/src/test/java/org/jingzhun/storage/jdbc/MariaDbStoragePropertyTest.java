package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStoragePropertyTest;

class MariaDbStoragePropertyTest extends AbstractStoragePropertyTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.MARIADB.createStorage();
    }
}
