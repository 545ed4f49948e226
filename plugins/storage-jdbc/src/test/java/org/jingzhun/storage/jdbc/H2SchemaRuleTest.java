package org.jingzhun.storage.jdbc;

class H2SchemaRuleTest extends AbstractSchemaRuleTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
