package org.jingzhun.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.policy.national.NationalPolicyConfig;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small district (about 300 households) run through the demo's own code on embedded H2: the yearly table keeps
 * its invariants and every exit went through the exit criteria.
 */
class DistrictDemoTest {
    private static final RegionCode COUNTY = RegionCode.of("341702");
    private static final Principal OFFICE = Principal.officer("test-office", COUNTY);
    private static Jingzhun jz;
    private static List<YearRow> rows;
    private static String progress;

    @BeforeAll
    static void runSmallDistrict() {
        NationalPolicyConfig national = NationalPolicyConfig.defaults();
        DemoClock clock = DistrictDemo.newClock();
        jz = Jingzhun.builder()
                .plugin(new JdbcStoragePlugin())
                .plugin(new NationalPolicyPlugin(national))
                .plugin(new AnhuiPolicyPlugin())
                .storage("jdbc", Map.of("url", "jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1"))
                .clock(clock)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rows = new DistrictDemo(jz, clock, DistrictProfile.guichi().scaled(0.02), 7L, national.lines(),
                new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        progress = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        jz.close();
    }

    @Test
    void runsEveryYearFrom2014To2020AndShowsProgress() {
        assertThat(rows).extracting(YearRow::year).containsExactly(2014, 2015, 2016, 2017, 2018, 2019, 2020);
        assertThat(rows.get(0).registeredHouseholds()).isBetween(280L, 340L);
        assertThat(progress).contains("2014: regions and 建档立卡 registration").contains("2020 done in");
    }

    @Test
    void incidenceFallsToZeroAndStartsNearGuichisBaseline() {
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).incidencePercent()).as("incidence %d", rows.get(i).year())
                    .isLessThan(rows.get(i - 1).incidencePercent());
        }
        assertThat(rows.get(0).incidencePercent().doubleValue()).isBetween(6.0, 8.5);
        assertThat(rows.get(rows.size() - 1).poorPeople()).isZero();
        assertThat(rows.get(rows.size() - 1).incidencePercent()).isEqualByComparingTo("0");
    }

    @Test
    void exitsNeverExceedThePoorAndTheTableAddsUp() {
        for (int i = 1; i < rows.size(); i++) {
            YearRow before = rows.get(i - 1);
            YearRow r = rows.get(i);
            long poorDuringYear = before.poorHouseholds() + r.newHouseholds();
            assertThat(r.exitedHouseholds()).as("exits %d", r.year()).isLessThanOrEqualTo((int) poorDuringYear);
            assertThat(r.exitedHouseholds()).isLessThanOrEqualTo(r.targetHouseholds());
            // Poor households at year end = poor at start + new + returned - exited.
            assertThat(r.poorHouseholds()).as("balance %d", r.year())
                    .isEqualTo(poorDuringYear + r.returnedHouseholds() - r.exitedHouseholds());
            assertThat(r.registeredHouseholds()).isEqualTo(before.registeredHouseholds() + r.newHouseholds());
        }
    }

    @Test
    void everyExitedHouseholdPassedTheExitCriteria() {
        List<ExitCase> exits = jz.exits().list(OFFICE, COUNTY, null).stream()
                .filter(c -> c.stage() == ExitStage.EXITED).toList();
        int totalExits = rows.stream().mapToInt(YearRow::exitedHouseholds).sum();
        assertThat(exits).hasSize(totalExits);
        for (ExitCase c : exits) {
            assertThat(c.assessment().positive()).as("case %s", c.id()).isTrue();
            assertThat(jz.policies().householdExit(OFFICE, c.householdId(), c.year()).positive())
                    .as("re-checked exit of %s in %d", c.householdId(), c.year()).isTrue();
        }
        long exitedNow = jz.registry().search(OFFICE, COUNTY, org.jingzhun.spi.storage.PageRequest.first(10_000))
                .items().stream().filter(h -> h.status() == PovertyStatus.EXITED).count();
        assertThat(exitedNow).isLessThanOrEqualTo(totalExits);
    }

    @Test
    void tableIsWrittenAsCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("years.csv");
        YearTable.writeCsv(rows, file);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            assertThat(records).hasSize(7);
            assertThat(records.get(6).get("year")).isEqualTo("2020");
            assertThat(records.get(6).get("poor_people")).isEqualTo("0");
        }
    }
}
