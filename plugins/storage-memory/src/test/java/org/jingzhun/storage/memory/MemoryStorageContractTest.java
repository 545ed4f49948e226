package org.jingzhun.storage.memory;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStorageContractTest;

class MemoryStorageContractTest extends AbstractStorageContractTest {
    @Override
    protected Storage createStorage() {
        return MemoryStorages.create();
    }
}
