package org.jingzhun.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.error.ConfigurationException;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoragePluginTest {
    private static final String SECRET = "s3cr3t-Pa55";

    @Test
    void pluginDeclaresItsNameSpiVersionAndTheJdbcFactory() {
        Plugin plugin = new JdbcStoragePlugin();

        assertThat(plugin.name()).isEqualTo("storage-jdbc");
        assertThat(plugin.spiVersion()).isEqualTo(Plugin.SPI_VERSION);
        assertThat(plugin.storageFactories()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("jdbc");
            assertThat(f.configType()).isEqualTo(JdbcStorageConfig.class);
        });
        assertThat(ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(JdbcStoragePlugin.class);
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        JdbcStorageConfig config = new JdbcStorageConfig("jdbc:h2:mem:x", null, null, null, null, null, null);

        assertThat(config.poolSize()).isEqualTo(8);
        assertThat(config.connectionTimeoutMs()).isEqualTo(10_000L);
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.migrate()).isTrue();
    }

    @Test
    void beanValidationRejectsBadSettings() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<JdbcStorageConfig>> violations = factory.getValidator().validate(
                    new JdbcStorageConfig(" ", "sa", "", 0, 100L, 0, true));
            Set<ConstraintViolation<JdbcStorageConfig>> tooMany = factory.getValidator().validate(
                    JdbcStorageConfig.h2Memory("x").withPoolSize(101));

            assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                    .containsExactlyInAnyOrder("url", "poolSize", "connectionTimeoutMs", "batchSize");
            assertThat(tooMany).extracting(v -> v.getPropertyPath().toString()).containsExactly("poolSize");
            assertThat(factory.getValidator().validate(JdbcStorageConfig.h2Memory("x"))).isEmpty();
        }
    }

    @Test
    void toStringNeverShowsThePassword() {
        JdbcStorageConfig config = JdbcStorageConfig.of(
                "jdbc:postgresql://db.example:5432/registry?user=app&password=" + SECRET + "&ssl=true", "app", SECRET);

        assertThat(config.toString()).doesNotContain(SECRET).contains("password=****")
                .contains("db.example:5432/registry").contains("ssl=true");
        assertThat(JdbcStorageConfig.of("jdbc:mariadb://app:" + SECRET + "@db.example/registry", "app", SECRET)
                .toString()).doesNotContain(SECRET).contains("//app:****@db.example/registry");
    }

    @Test
    void anUnsupportedUrlIsAConfigurationError() {
        JdbcStorageConfig config = JdbcStorageConfig.of("jdbc:sqlite:registry.db", null, null);

        assertThatThrownBy(() -> TestDatabase.open(config)).isInstanceOfSatisfying(ConfigurationException.class,
                e -> assertThat(e.code()).isEqualTo("config.invalid"));
    }

    @Test
    void anUnreachablePostgresServerIsReportedWithItsUrlAndWithoutThePassword() {
        assertUnreachable("jdbc:postgresql://127.0.0.1:1/registry?password=" + SECRET);
    }

    @Test
    void anUnreachableMariaDbServerIsReportedWithItsUrlAndWithoutThePassword() {
        assertUnreachable("jdbc:mariadb://127.0.0.1:1/registry?password=" + SECRET);
    }

    private static void assertUnreachable(String url) {
        JdbcStorageConfig config = JdbcStorageConfig.of(url, "app", SECRET).withConnectionTimeoutMs(1_000);

        assertThatThrownBy(() -> TestDatabase.open(config)).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.code()).isEqualTo("storage.unreachable");
            assertThat(e.getMessage()).contains("127.0.0.1:1/registry").doesNotContain(SECRET);
            assertThat(e.messageZh()).doesNotContain(SECRET);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void describeNamesTheDialectAndDatabaseWithoutCredentials() {
        try (Storage storage = TestDatabase.open(JdbcStorageConfig.h2Memory("describe_me"))) {
            assertThat(storage.describe()).isEqualTo("jdbc h2 mem:describe_me;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void anH2FileDatabaseKeepsItsDataAcrossReopening(@TempDir Path dir) {
        JdbcStorageConfig config = JdbcStorageConfig.h2File(dir.resolve("registry"));
        Household household = new SampleData().household();

        try (Storage first = TestDatabase.open(config)) {
            first.inTransaction(tx -> tx.households().insert(household));
        }
        try (Storage second = TestDatabase.open(config)) {
            Optional<Household> found = second.inTransaction(tx -> tx.households().find(household.id()));
            assertThat(found).contains(household.toBuilder().version(1).build());
        }
        assertThat(dir.resolve("registry.mv.db")).exists();
    }

    @Test
    void closingAnInMemoryH2StorageDiscardsItsDatabase() {
        JdbcStorageConfig config = JdbcStorageConfig.h2Memory(TestDatabase.uniqueName());
        Household household = new SampleData().household();
        try (Storage first = TestDatabase.open(config)) {
            first.inTransaction(tx -> tx.households().insert(household));
        }

        try (Storage second = TestDatabase.open(config)) {
            long count = second.inTransaction(tx -> tx.households().countWithin(SampleData.COUNTY));
            assertThat(count).isZero();
        }
    }

    @Test
    void withoutMigrationAnEmptyDatabaseHasNoTables() {
        JdbcStorageConfig config = JdbcStorageConfig.h2Memory(TestDatabase.uniqueName()).withMigrate(false);

        try (Storage storage = TestDatabase.open(config)) {
            assertThatThrownBy(() -> storage.inTransaction(tx -> tx.households().countWithin(SampleData.COUNTY)))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.code()).isEqualTo("storage.failed"));
        }
    }
}
