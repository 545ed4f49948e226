package org.jingzhun.storage.jdbc;

import java.util.function.Consumer;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.testkit.AbstractScanCostTest;

class PostgresScanCostTest extends AbstractScanCostTest {
    @Override
    protected Storage createStorage() {
        return TestDatabase.POSTGRES.createStorage();
    }

    @Override
    protected void analyze(Storage storage) {
        TestDatabase.analyze(storage);
    }

    @Override
    protected long rowsReadBy(Storage storage, Consumer<StorageTransaction> work) {
        return TestDatabase.rowsReadBy(storage, work);
    }
}
