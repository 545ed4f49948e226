package org.jingzhun.storage.jdbc;

class PostgresSchemaRuleTest extends AbstractSchemaRuleTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
