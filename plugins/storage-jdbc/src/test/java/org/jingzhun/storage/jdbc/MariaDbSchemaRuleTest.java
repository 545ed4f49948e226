package org.jingzhun.storage.jdbc;

class MariaDbSchemaRuleTest extends AbstractSchemaRuleTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
