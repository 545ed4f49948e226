package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.core.statistics.YearFigures;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.exchange.Cell;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.SheetRow;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.Masking;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal's REST API and downloads over a generated district, through real HTTP: JSON content against the
 * library's own answers, de-identification for a viewer and full data for an officer, error mapping, CSV round trips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private PortalFixture fx;
    private ObjectMapper json;
    private PortalServer portal;
    private PortalClient viewerPortal;
    private PortalClient officerPortal;
    private PortalClient townshipPortal;
    private Principal viewer;
    private RegionCode township;

    @BeforeAll
    void start() {
        fx = new PortalFixture();
        json = fx.jz.json();
        viewer = Principal.viewer("county-viewer", fx.generator.county());
        township = fx.regions.stream().filter(r -> r.level() == RegionLevel.TOWNSHIP).findFirst().orElseThrow()
                .code();
        portal = fx.start(o -> o);
        viewerPortal = PortalClient.signedIn(portal, "viewer", PortalFixture.PASSWORD);
        officerPortal = PortalClient.signedIn(portal, "county", PortalFixture.PASSWORD);
        townshipPortal = PortalClient.signedIn(portal, "townviewer", PortalFixture.PASSWORD);
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        fx.close();
    }

    private HttpResponse<String> get(PortalClient client, String path) throws IOException, InterruptedException {
        return client.get(path);
    }

    private JsonNode getJson(PortalClient portal, String path, int expectedStatus) throws Exception {
        HttpResponse<String> res = get(portal, path);
        assertThat(res.statusCode()).as(path + " → " + res.body()).isEqualTo(expectedStatus);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json")
                .containsIgnoringCase("charset=utf-8");
        return json.readTree(res.body());
    }

    @Test
    void summaryMatchesTheStatisticsService() throws Exception {
        RegionStatistics expected = fx.jz.statistics().summary(viewer, fx.generator.county());
        JsonNode s = getJson(viewerPortal, "/api/summary", 200);
        assertThat(s.get("code").asText()).isEqualTo(fx.generator.county().value());
        assertThat(s.get("name").asText()).isEqualTo("贵池区");
        assertThat(s.get("poorPeople").asLong()).isEqualTo(expected.poorPeople()).isPositive();
        assertThat(s.get("poorHouseholds").asLong()).isEqualTo(expected.poorHouseholds());
        assertThat(s.get("incidencePercent").decimalValue()).isEqualByComparingTo(expected.incidencePercent());
        assertThat(s.get("ruralPopulation").asLong()).isEqualTo(expected.ruralPopulation());
        long causeTotal = 0;
        for (JsonNode c : s.get("poorByMainCause")) {
            assertThat(c.get("label").asText()).isNotBlank();
            causeTotal += c.get("count").asLong();
        }
        assertThat(causeTotal).isEqualTo(expected.poorHouseholds());

        JsonNode town = getJson(viewerPortal, "/api/summary?area=" + township.value(), 200);
        assertThat(town.get("level").asText()).isEqualTo("TOWNSHIP");
        assertThat(town.get("poorPeople").asLong())
                .isEqualTo(fx.jz.statistics().summary(viewer, township).poorPeople());
    }

    @Test
    void breakdownListsTheCountyThenEveryTownshipAndVillage() throws Exception {
        JsonNode rows = getJson(viewerPortal, "/api/breakdown", 200);
        assertThat(rows.size()).isEqualTo(fx.regions.size());
        assertThat(rows.get(0).get("level").asText()).isEqualTo("COUNTY");
        long townships = 0;
        long villages = 0;
        long poorVillages = 0;
        long villagePoorPeople = 0;
        for (JsonNode r : rows) {
            switch (r.get("level").asText()) {
                case "TOWNSHIP" -> townships++;
                case "VILLAGE" -> {
                    villages++;
                    villagePoorPeople += r.get("poorPeople").asLong();
                    if (r.get("poorVillage").asBoolean()) {
                        poorVillages++;
                    }
                }
                default -> { }
            }
        }
        assertThat(townships).isEqualTo(fx.generator.profile().townships());
        assertThat(villages).isEqualTo((long) fx.generator.profile().townships()
                * fx.generator.profile().villagesPerTownship());
        assertThat(poorVillages).isEqualTo(fx.generator.profile().poorVillages());
        assertThat(villagePoorPeople).isEqualTo(rows.get(0).get("poorPeople").asLong());
    }

    @Test
    void regionsAreANestedTree() throws Exception {
        JsonNode roots = getJson(viewerPortal, "/api/regions", 200);
        assertThat(roots.size()).isEqualTo(1);
        JsonNode county = roots.get(0);
        assertThat(county.get("code").asText()).isEqualTo(fx.generator.county().value());
        assertThat(county.get("children").size()).isEqualTo(fx.generator.profile().townships());
        assertThat(county.get("children").get(0).get("children").size())
                .isEqualTo(fx.generator.profile().villagesPerTownship());
    }

    @Test
    void householdsArePagedInIdOrderAndFilteredByVillage() throws Exception {
        List<Household> all = fx.households();
        JsonNode first = getJson(viewerPortal, "/api/households?offset=0&limit=25", 200);
        JsonNode second = getJson(viewerPortal, "/api/households?offset=25&limit=25", 200);
        assertThat(first.get("total").asLong()).isEqualTo(all.size());
        assertThat(first.get("items").size()).isEqualTo(25);
        assertThat(first.get("items").get(0).get("id").asText()).isEqualTo(all.get(0).id());
        assertThat(second.get("items").get(0).get("id").asText()).isEqualTo(all.get(25).id());
        assertThat(getJson(viewerPortal, "/api/households", 200).get("limit").asInt()).isEqualTo(20);

        Household sample = all.get(7);
        JsonNode village = getJson(viewerPortal, "/api/households?limit=500&area=" + sample.region().value(), 200);
        long inVillage = all.stream().filter(h -> h.region().equals(sample.region())).count();
        assertThat(village.get("total").asLong()).isEqualTo(inVillage);
        for (JsonNode row : village.get("items")) {
            assertThat(row.get("region").asText()).isEqualTo(sample.region().value());
        }
        List<String> ids = new ArrayList<>();
        village.get("items").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).contains(sample.id());
    }

    @Test
    void householdCardShowsMembersAndIncomesMasked() throws Exception {
        Household h = fx.amended;
        JsonNode card = getJson(viewerPortal, "/api/households/" + h.id(), 200);
        assertThat(card.get("id").asText()).isEqualTo(h.id());
        assertThat(card.get("personalDataMasked").asBoolean()).isTrue();
        assertThat(card.get("phone").asText()).isEqualTo(Masking.phone("13912345678"));
        assertThat(card.get("bankAccount").asText()).isEqualTo(Masking.bankAccount(h.bankAccount()));
        assertThat(card.get("members").size()).isEqualTo(h.size());
        for (int i = 0; i < h.size(); i++) {
            Member m = h.members().get(i);
            JsonNode mj = card.get("members").get(i);
            assertThat(mj.get("citizenId").asText()).isEqualTo(m.citizenId().masked());
            assertThat(mj.get("name").asText()).isEqualTo(m.name());
            assertThat(mj.get("relationshipLabel").asText()).isEqualTo(m.relationship().label());
        }
        List<IncomeStatement> incomes = fx.jz.registry().incomes(fx.officer, h.id());
        assertThat(card.get("incomes").size()).isEqualTo(2);
        assertThat(card.get("incomes").get(0).get("year").asInt()).isEqualTo(2014);
        assertThat(card.get("incomes").get(1).get("perCapitaNetIncome").decimalValue())
                .isEqualByComparingTo(incomes.get(1).perCapitaNetIncome())
                .isEqualByComparingTo(new BigDecimal("3050.50"));

        JsonNode full = getJson(officerPortal, "/api/households/" + h.id(), 200);
        assertThat(full.get("personalDataMasked").asBoolean()).isFalse();
        assertThat(full.get("phone").asText()).isEqualTo("13912345678");
        assertThat(full.get("members").get(0).get("citizenId").asText())
                .isEqualTo(h.members().get(0).citizenId().value());
    }

    @Test
    void historyListsRegistrationIncomesAndTheAmendmentWithMaskedValues() throws Exception {
        JsonNode history = getJson(viewerPortal, "/api/households/" + fx.amended.id() + "/history", 200);
        List<String> actions = new ArrayList<>();
        history.forEach(e -> actions.add(e.get("action").asText()));
        // The funds booking may add the household's mutual-aid contribution after these.
        assertThat(actions).startsWith("register", "record-income", "record-income", "amend");
        JsonNode amend = history.get(3);
        assertThat(amend.get("actionLabel").asText()).isEqualTo("信息变更");
        assertThat(amend.get("reason").asText()).isEqualTo("phone number changed");
        assertThat(amend.get("changes")).hasSize(1);
        JsonNode change = amend.get("changes").get(0);
        assertThat(change.get("path").asText()).isEqualTo("phone");
        assertThat(change.get("before").asText()).isEqualTo(Masking.phone(fx.oldPhone));
        assertThat(change.get("after").asText()).isEqualTo(Masking.phone("13912345678"));

        JsonNode officerHistory = getJson(officerPortal, "/api/households/" + fx.amended.id() + "/history", 200);
        assertThat(officerHistory.get(3).get("changes").get(0).get("after").asText()).isEqualTo("13912345678");
    }

    @Test
    void noFullPersonalDataReachesAViewerAnywhere() throws Exception {
        List<Household> all = fx.households();
        Set<String> secrets = secrets(all);
        List<String> bodies = new ArrayList<>();
        bodies.add(get(viewerPortal, "/api/households?limit=500").body());
        bodies.add(get(viewerPortal, "/download/households.ndjson").body());
        bodies.add(workbook(viewerPortal.getBytes("/download/households.xlsx").body()));
        bodies.add(workbook(viewerPortal.getBytes("/download/national.xlsx").body()));
        bodies.add(get(viewerPortal, "/download/public-notice.csv").body());
        for (Household h : all.subList(0, 12)) {
            bodies.add(get(viewerPortal, "/api/households/" + h.id()).body());
            bodies.add(get(viewerPortal, "/api/households/" + h.id() + "/history").body());
        }
        for (String body : bodies) {
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret);
            }
        }
        // The downloads carry every member, each ID redacted by the library's screen profile.
        for (int i = 1; i <= 3; i++) {
            assertThat(bodies.get(i)).contains(all.get(0).members().get(0).citizenId().masked());
        }
        // (the last household: another test gives the first one's head a formula for a name)
        Household last = all.get(all.size() - 1);
        assertThat(bodies.get(4)).contains(last.head().orElseThrow().name())
                .doesNotContain(last.members().get(0).citizenId().masked());
    }

    @Test
    void anOfficerWithPersonalDataPermissionSeesFullIds() throws Exception {
        List<Household> all = fx.households();
        String list = get(officerPortal, "/api/households?limit=500").body();
        String csv = workbook(officerPortal.getBytes("/download/national.xlsx").body());
        String download = get(officerPortal, "/download/households.ndjson").body();
        for (Household h : all) {
            String headId = h.head().orElseThrow().citizenId().value();
            assertThat(list).contains(headId);
            assertThat(csv).contains(headId);
            for (Member m : h.members()) {
                assertThat(download).contains(m.citizenId().value());
            }
        }
    }

    private static Set<String> secrets(List<Household> all) {
        Set<String> out = new HashSet<>();
        for (Household h : all) {
            if (h.phone() != null) {
                out.add(h.phone());
            }
            if (h.bankAccount() != null) {
                out.add(h.bankAccount());
            }
            for (Member m : h.members()) {
                out.add(m.citizenId().value());
            }
        }
        return out;
    }

    @Test
    void theHouseholdWorkbookHasTheCardAndMemberSheetsOfEveryHousehold() throws Exception {
        HttpResponse<byte[]> res = viewerPortal.getBytes("/download/households.xlsx");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("households.xlsx");
        List<Household> all = fx.households();
        java.util.Map<String, List<SheetRow>> sheets = new java.util.LinkedHashMap<>();
        try (ExchangeReader reader = fx.jz.exchange().format("xlsx").reader(new java.io.ByteArrayInputStream(
                res.body()))) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                sheets.computeIfAbsent(row.sheet(), k -> new ArrayList<>()).add(row);
            }
        }
        List<SheetRow> cards = sheets.values().iterator().next();
        assertThat(cards).hasSize(all.size() + 1);
        assertThat(cards.get(0).cells()).extracting(Cell::text).contains("户编号");
        assertThat(cards.get(1).cells()).extracting(Cell::text).contains(all.get(0).id());
        long members = all.stream().mapToLong(Household::size).sum();
        assertThat(sheets.values()).anySatisfy(rows -> assertThat(rows).hasSize((int) members + 1));
    }

    @Test
    void textAnExcelUserWouldRunIsInertInEveryDownload() throws Exception {
        Household h = fx.households().get(0);
        Member head = h.head().orElseThrow();
        String formula = "@SUM(A1)+HYPERLINK(\"http://x\")";
        List<Member> members = new ArrayList<>(h.members());
        members.set(members.indexOf(head), new Member(formula, head.citizenId(), head.relationship(),
                head.ethnicity(), head.education(), head.studentStatus(), head.health(), head.labourAbility(),
                head.migrantWork(), head.monthsWorked(), head.insurances(), head.servingSoldier()));
        fx.jz.registry().amend(fx.officer, h.toBuilder().members(members).build(), "测试公式单元格");

        String notice = get(viewerPortal, "/download/public-notice.csv").body();
        assertThat(notice).contains("'" + formula.replace("\"", "\"\"")).doesNotContain("," + formula);
        for (String path : List.of("/download/households.xlsx", "/download/national.xlsx")) {
            try (ExchangeReader reader = fx.jz.exchange().format("xlsx").reader(new java.io.ByteArrayInputStream(
                    viewerPortal.getBytes(path).body()))) {
                boolean seen = false;
                for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                    for (Cell c : row.cells()) {
                        assertThat(c.kind()).as(path).isNotEqualTo(org.jingzhun.spi.exchange.CellKind.FORMULA);
                        seen |= formula.equals(c.text());
                    }
                }
                assertThat(seen).as(path + " keeps the text as text").isTrue();
            }
        }
    }

    /** Every cell's text of a downloaded workbook, read back with the library's xlsx format. */
    private String workbook(byte[] bytes) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ExchangeReader reader = fx.jz.exchange().format("xlsx").reader(new java.io.ByteArrayInputStream(bytes))) {
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                row.cells().forEach(c -> out.append(c.text()).append('|'));
                out.append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void summaryCsvHasARowPerArea() throws Exception {
        HttpResponse<String> res = get(viewerPortal, "/download/summary.csv");
        assertThat(res.statusCode()).isEqualTo(200);
        String text = res.body();
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(fx.regions.size());
            CSVRecord county = records.get(0);
            assertThat(county.get("区划代码")).isEqualTo(fx.generator.county().value());
            assertThat(new BigDecimal(county.get("贫困发生率(%)"))).isEqualByComparingTo(
                    fx.jz.statistics().summary(viewer, fx.generator.county()).incidencePercent());
        }
    }

    @Test
    void unknownHouseholdIs404WithTheLibraryMessage() throws Exception {
        JsonNode body = getJson(viewerPortal, "/api/households/341702-999999", 404);
        assertThat(body.get("code").asText()).isEqualTo("household.not_found");
        assertThat(body.get("messageZh").asText()).contains("未找到农户").contains("341702-999999");
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.has("violations")).isFalse();
        assertThat(getJson(viewerPortal, "/api/households/341702-999999/history", 404).get("code").asText())
                .isEqualTo("household.not_found");
    }

    @Test
    void aHouseholdOutsideATownshipViewersScopeIsNotFound() throws Exception {
        Household outside = fx.households().stream().filter(h -> !township.contains(h.region())).findFirst()
                .orElseThrow();
        assertThat(getJson(townshipPortal, "/api/households/" + outside.id(), 404).get("code").asText())
                .isEqualTo("household.not_found");
        // A county-wide request from a township viewer is narrowed to the township, never widened.
        JsonNode summary = getJson(townshipPortal, "/api/summary?area=" + fx.generator.county().value(), 200);
        assertThat(summary.get("code").asText()).isEqualTo(township.value());
        JsonNode list = getJson(townshipPortal, "/api/households?limit=500", 200);
        list.get("items").forEach(r -> assertThat(township.contains(RegionCode.of(r.get("region").asText()))).isTrue());
    }

    @Test
    void anAreaOutsideTheScopeIs403() throws Exception {
        JsonNode body = getJson(viewerPortal, "/api/summary?area=340102", 403);
        assertThat(body.get("code").asText()).isEqualTo("access.denied");
        assertThat(body.get("messageZh").asText()).contains("无权");
        assertThat(getJson(viewerPortal, "/api/households?area=340102", 403).get("code").asText())
                .isEqualTo("access.denied");
        HttpResponse<String> csv = get(viewerPortal, "/download/households.xlsx?area=340102");
        assertThat(csv.statusCode()).isEqualTo(403);
        assertThat(csv.body()).contains("access.denied");
    }

    @Test
    void aPrincipalWithoutReadIs403() throws Exception {
        Principal nobody = new Principal("nobody", "无权限", fx.generator.county(), Set.of());
        // A host's own login may map a user to any principal; this one maps everybody to one without permissions.
        try (PortalServer own = PortalServer.start(fx.jz, PortalServer.Options.defaults(
                (user, password) -> java.util.Optional.of(nobody)).withPort(0))) {
            PortalClient portal = PortalClient.signedIn(own, "nobody", "anything");
            assertThat(getJson(portal, "/api/summary", 403).get("code").asText()).isEqualTo("access.permission");
            assertThat(getJson(portal, "/api/households/" + fx.amended.id(), 404).get("code").asText())
                    .isEqualTo("household.not_found");
        }
    }

    @Test
    void badParametersAre400() throws Exception {
        assertThat(getJson(viewerPortal, "/api/households?limit=abc", 400).get("code").asText())
                .isEqualTo("request.invalid");
        assertThat(getJson(viewerPortal, "/api/households?offset=-1", 400).get("code").asText())
                .isEqualTo("request.invalid");
        assertThat(getJson(viewerPortal, "/api/summary?area=12", 400).get("code").asText())
                .isEqualTo("request.invalid");
    }

    @Test
    void unknownApiPathsAreJson404() throws Exception {
        assertThat(getJson(viewerPortal, "/api/plans", 404).get("code").asText()).isEqualTo("api.not_found");
        assertThat(get(viewerPortal, "/no-such-page.html").statusCode()).isEqualTo(404);
    }

    @Test
    void yearsAreTheLibrarysClosedSeries() throws Exception {
        List<YearFigures> series = fx.jz.statistics().series(fx.officer, fx.generator.county());
        assertThat(series).extracting(YearFigures::year).containsExactly(2014, 2015);
        JsonNode body = getJson(viewerPortal, "/api/years", 200);
        assertThat(body).hasSize(2);
        for (int i = 0; i < 2; i++) {
            YearFigures f = series.get(i);
            assertThat(body.get(i).get("year").asInt()).isEqualTo(f.year());
            assertThat(body.get(i).get("poorHouseholds").asLong()).isEqualTo(f.poorHouseholds());
            assertThat(body.get(i).get("incidencePercent").decimalValue()).isEqualByComparingTo(f.incidencePercent());
            assertThat(body.get(i).get("exitedPeople").asLong()).isEqualTo(f.exitedPeople());
            assertThat(body.get(i).get("targetPeople").isNull()).isTrue(); // the fixture sets no targets
        }
        // 2014 was closed before a household exited.
        assertThat(series.get(0).poorHouseholds()).isEqualTo(series.get(1).poorHouseholds() + 3);
        // The dashboard of 2015 carries the same figures; a township, whose years were never closed, has none.
        JsonNode dashboard = getJson(viewerPortal, "/api/dashboard?year=2015", 200);
        assertThat(dashboard.get("figures").get("poorPeople").asLong()).isEqualTo(series.get(1).poorPeople());
        assertThat(dashboard.get("years")).extracting(JsonNode::asInt).startsWith(2014, 2015);
        assertThat(getJson(townshipPortal, "/api/years", 200)).isEmpty();
        assertThat(getJson(townshipPortal, "/api/dashboard?year=2015", 200).get("figures").isNull()).isTrue();
    }

    @Test
    void staticPagesAreServed() throws Exception {
        HttpResponse<String> index = get(viewerPortal, "/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("精准扶贫信息门户").contains("/app.js");
        assertThat(get(viewerPortal, "/app.js").statusCode()).isEqualTo(200);
        assertThat(get(viewerPortal, "/app.css").statusCode()).isEqualTo(200);
    }
}
