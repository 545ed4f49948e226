package org.jingzhun.storage.memory;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageConcurrencyTest;

class MemoryStorageConcurrencyTest extends AbstractStorageConcurrencyTest {
    @Override
    protected Storage createStorage() {
        return MemoryStorages.create();
    }
}
