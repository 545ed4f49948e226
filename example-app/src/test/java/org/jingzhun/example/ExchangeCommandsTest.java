package org.jingzhun.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.exchange.xlsx.XlsxExchangePlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.SheetRow;
import org.jingzhun.spi.household.Household;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line a newcomer uses on the county's spreadsheets: samples drawn from the demo district, a validating
 * import of the clean sheet (nothing to fix), of the sheet with four planted mistakes (exactly those four reported,
 * with an error report next to it), and a screen-profile export that carries no raw citizen ID.
 */
class ExchangeCommandsTest {
    @TempDir
    Path dir;

    @Test
    void samplesImportWithTheirMistakesReportedAndExportMasked() throws Exception {
        String db = "jdbc:h2:" + dir.resolve("registry").toAbsolutePath();
        List<Household> registered;
        DistrictGenerator generator = new DistrictGenerator(DistrictProfile.guichi().scaled(0.01), 2014L);
        try (Jingzhun jz = Jingzhun.builder().plugin(new JdbcStoragePlugin())
                .storage("jdbc", Map.of("url", db, "user", "sa")).build()) {
            Principal office = Principal.officer("setup", generator.county());
            var regions = generator.regions();
            jz.regions().define(office, regions, "区划");
            registered = jz.registry().registerAll(office, generator.baselineHouseholds(regions), "建档立卡");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExchangeCommands commands = new ExchangeCommands(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Path samples = dir.resolve("samples");
        commands.samples(Map.of("out", samples.toString()));

        assertThat(commands.importFile(Map.of("file", samples.resolve("national-sample.xlsx").toString(),
                "mode", "validate", "db", db, "user", "sa"))).isZero();
        assertThat(text(bytes)).contains("refused 0", "nothing written");

        bytes.reset();
        assertThat(commands.importFile(Map.of("file", samples.resolve("national-with-mistakes.xlsx").toString(),
                "mode", "validate", "db", db, "user", "sa"))).isEqualTo(1);
        String report = text(bytes);
        assertThat(report).contains("refused 3", "校验位不符", "341702999999", "因病致贫", "已属于在册农户");
        assertThat(samples.resolve("national-with-mistakes-errors.xlsx")).exists();

        Path exported = dir.resolve("screen.xlsx");
        commands.export(Map.of("out", exported.toString(), "layout", "national", "db", db, "user", "sa",
                "area", generator.county().value()));
        StringBuilder cells = new StringBuilder();
        try (Jingzhun reading = Jingzhun.builder().plugin(new org.jingzhun.storage.memory.MemoryStoragePlugin())
                .storage("memory").plugin(new XlsxExchangePlugin()).build();
                InputStream in = Files.newInputStream(exported);
                ExchangeReader reader = reading.exchange().format("xlsx").reader(in)) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                row.cells().forEach(c -> cells.append(c.text()).append('|'));
            }
        }
        List<String> raw = new ArrayList<>();
        registered.forEach(h -> h.members().forEach(m -> raw.add(m.citizenId().value())));
        assertThat(cells.toString()).contains(registered.get(0).members().get(0).citizenId().masked());
        for (String id : raw) {
            assertThat(cells.toString()).doesNotContain(id);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
