package org.jingzhun.storage.jdbc;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageConcurrencyTest;

class H2ConcurrencyTest extends AbstractStorageConcurrencyTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.H2.createStorage();
    }
}
