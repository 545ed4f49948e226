package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageContractTest;

class H2StorageContractTest extends AbstractStorageContractTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.H2.createStorage();
    }
}
