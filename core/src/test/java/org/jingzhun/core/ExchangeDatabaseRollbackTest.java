package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.id;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jingzhun.core.ExchangeFixtures.Sheet;
import org.jingzhun.core.exchange.ImportMode;
import org.jingzhun.core.exchange.ImportOptions;
import org.jingzhun.core.exchange.ImportResult;
import org.jingzhun.exchange.xlsx.XlsxExchangePlugin;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.region.Region;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * All-or-nothing imports on the real databases: the registry's bulk writes join the import's unit of work, so a
 * refused household in the last chunk takes back every chunk before it, audit entries included. PostgreSQL
 * (127.0.0.1:5432, postgres) and MariaDB (127.0.0.1:3306, root) must be running, else the case is skipped; each case
 * works in a schema of its own, dropped afterwards.
 */
class ExchangeDatabaseRollbackTest {
    @TempDir
    Path dir;

    private record Database(Map<String, Object> config, Runnable drop) {
    }

    private static Database database(String kind) {
        String name = "jz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case "h2" -> new Database(Map.of("url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "user", "sa",
                    "password", ""), () -> { });
            case "postgresql" -> {
                String admin = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=5";
                admin(admin, "postgres", "CREATE SCHEMA " + name);
                yield new Database(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + name,
                        "user", "postgres", "password", ""), () -> admin(admin, "postgres",
                                "DROP SCHEMA " + name + " CASCADE"));
            }
            case "mariadb" -> {
                String admin = "jdbc:mariadb://127.0.0.1:3306/?connectTimeout=5000";
                admin(admin, "root", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                yield new Database(Map.of("url", "jdbc:mariadb://127.0.0.1:3306/" + name, "user", "root",
                        "password", ""), () -> admin(admin, "root", "DROP DATABASE " + name));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static void admin(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            Assumptions.abort("database unreachable at " + url + ": " + e.getMessage());
        }
    }

    /** Five good households and, last, one whose village does not exist. */
    private Path file() {
        List<List<Object>> households = new ArrayList<>();
        List<List<Object>> members = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String number = "34170210020100" + i;
            String village = i == 6 ? "341702100299" : "341702100201";
            households.add(new ArrayList<>(List.of(number, village, "一般贫困户", "因病")));
            members.add(new ArrayList<>(List.of(number, "户主" + i, id("19650302", i).value(), "户主", "01", "初中",
                    "健康", "普通劳动力")));
        }
        return ExchangeFixtures.xlsx(dir, "six.xlsx",
                new Sheet("户信息", List.of("户编号", "行政区划代码", "贫困户属性", "主要致贫原因"), households),
                new Sheet("家庭成员", List.of("户编号", "姓名", "证件号码", "与户主关系", "民族", "文化程度", "健康状况",
                        "劳动技能"), members));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void aRefusedLastChunkTakesBackEveryEarlierChunk(String kind) {
        Database db = database(kind);
        try (Jingzhun jz = Jingzhun.builder().plugin(new JdbcStoragePlugin()).plugin(new XlsxExchangePlugin())
                .storage("jdbc", db.config()).build()) {
            jz.regions().define(COUNTY_OFFICER, List.of(new Region(COUNTY, "贵池区", 537_000, false),
                    new Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                    new Region(Fixtures.VILLAGE_A1, "刘街村", 2_400, true)), "baseline regions");
            Path file = file();

            ImportResult all = jz.exchange().importFile(COUNTY_OFFICER, file,
                    ImportOptions.of(Layouts.NATIONAL, ImportMode.ALL_OR_NOTHING, "迁移").withChunkSize(2));

            assertThat(all.errors()).extracting(e -> e.code()).containsExactly("validation.region_unknown");
            assertThat(all.registered()).isEqualTo(5);
            assertThat(all.committed()).isFalse();
            assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isZero();

            ImportResult dry = jz.exchange().importFile(COUNTY_OFFICER, file,
                    ImportOptions.of(Layouts.NATIONAL, ImportMode.VALIDATE_ONLY, "试导入").withChunkSize(2));
            assertThat(dry.errors()).hasSize(1);
            assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isZero();

            ImportResult valid = jz.exchange().importFile(COUNTY_OFFICER, file,
                    ImportOptions.of(Layouts.NATIONAL, ImportMode.ACCEPT_VALID, "迁移").withChunkSize(2));
            assertThat(valid.registered()).isEqualTo(5);
            assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isEqualTo(5);
            String first = jz.registry().search(COUNTY_OFFICER, COUNTY,
                    org.jingzhun.spi.storage.PageRequest.first(1)).items().get(0).id();
            // Only the committed import's registration: the rolled-back runs left no audit entry behind.
            assertThat(jz.registry().history(COUNTY_OFFICER, first)).hasSize(1);
        } finally {
            db.drop().run();
        }
    }
}
