package org.jingzhun.storage.jdbc;

class PostgresDeadlockRetryTest extends AbstractDeadlockRetryTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
