package org.jingzhun.storage.memory;

import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.AbstractStoragePropertyTest;

class MemoryStoragePropertyTest extends AbstractStoragePropertyTest {
    @Override
    protected Storage createStorage() {
        return MemoryStorages.create();
    }
}
