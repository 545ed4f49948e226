package org.jingzhun.storage.memory;

import java.util.function.Consumer;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.storage.memory.internal.MemoryStorage;
import org.jingzhun.testkit.AbstractScanCostTest;

class MemoryScanCostTest extends AbstractScanCostTest {
    @Override
    protected Storage createStorage() {
        return MemoryStorages.create();
    }

    @Override
    protected long rowsReadBy(Storage storage, Consumer<StorageTransaction> work) {
        MemoryStorage memory = (MemoryStorage) storage;
        long before = memory.rowsRead();
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
        return memory.rowsRead() - before;
    }
}
