package org.jingzhun.storage.jdbc;

class MariaDbDeadlockRetryTest extends AbstractDeadlockRetryTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
