package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStoragePropertyTest;

class H2StoragePropertyTest extends AbstractStoragePropertyTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.H2.createStorage();
    }
}
