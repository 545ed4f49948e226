package org.jingzhun.storage.jdbc;

class H2DeadlockRetryTest extends AbstractDeadlockRetryTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
