package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.jingzhun.core.funds.FundReport;
import org.jingzhun.core.funds.FundUseLine;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.funds.ProjectBalance;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.Masking;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.plan.Measure;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The funds and plans endpoints over the fixture district, whose 2014 and 2015 money the demo's own
 * {@code DistrictFunds} booked: the funds report against the library's, year selection, scope narrowing and refusal,
 * the CSV download, a household's plans and the money that reached it, and masking for a viewer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalFundsApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private PortalFixture fx;
    private PortalServer portal;
    private PortalClient viewerPortal;
    private PortalClient officerPortal;
    private PortalClient townshipPortal;
    private Principal viewer;
    private RegionCode county;
    private RegionCode township;

    @BeforeAll
    void start() {
        fx = new PortalFixture();
        county = fx.generator.county();
        viewer = Principal.viewer("county-viewer", county);
        township = fx.funded.region().ancestorAt(RegionLevel.TOWNSHIP);
        // The host's own login (as a county wires its directory): user name → principal, no users file.
        java.util.Map<String, Principal> principals = java.util.Map.of("viewer", viewer, "county", fx.officer,
                "townviewer", Principal.viewer("town-viewer", township));
        portal = PortalServer.start(fx.jz, PortalServer.Options.defaults((user, password) ->
                PortalFixture.PASSWORD.equals(password) ? java.util.Optional.ofNullable(principals.get(user))
                        : java.util.Optional.empty()).withPort(0));
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
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return fx.jz.json().readTree(res.body());
    }

    private static void assertLine(JsonNode json, FundUseLine expected) {
        assertThat(json.get("key").asText()).isEqualTo(expected.key());
        assertThat(json.get("label").asText()).isEqualTo(expected.label());
        assertThat(json.get("received").decimalValue()).isEqualByComparingTo(expected.received());
        assertThat(json.get("allocated").decimalValue()).isEqualByComparingTo(expected.allocated());
        assertThat(json.get("disbursed").decimalValue()).isEqualByComparingTo(expected.disbursed());
        assertThat(json.get("ratePercent").decimalValue())
                .isEqualByComparingTo(expected.disbursementRate().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
    }

    // ---------------------------------------------------------------- /api/funds

    @Test
    void fundsDefaultToTheLatestYearAndMatchTheLibrarysReport() throws Exception {
        JsonNode f = getJson(viewerPortal, "/api/funds", 200);
        FundReport expected = fx.jz.funds().report(viewer, county, 2015);
        assertThat(f.get("area").asText()).isEqualTo(county.value());
        assertThat(f.get("areaName").asText()).isEqualTo("贵池区");
        assertThat(f.get("year").asInt()).isEqualTo(2015);
        assertThat(f.get("years")).extracting(JsonNode::asInt).containsExactly(2014, 2015);
        assertLine(f.get("total"), expected.sourcesTotal());
        assertThat(f.get("total").get("received").decimalValue()).isPositive();
        assertThat(f.get("byKind")).hasSize(expected.byKind().size());
        for (int i = 0; i < expected.byKind().size(); i++) {
            assertLine(f.get("byKind").get(i), expected.byKind().get(i));
        }
        // By area: the county's own projects and one line per township that has projects.
        assertThat(f.get("byArea")).hasSize(expected.byArea().size());
        for (int i = 0; i < expected.byArea().size(); i++) {
            assertLine(f.get("byArea").get(i), expected.byArea().get(i));
        }
        assertThat(expected.byArea()).extracting(l -> RegionCode.of(l.key()).level())
                .contains(RegionLevel.TOWNSHIP, RegionLevel.COUNTY);
        // No source lines: their labels may name a donor.
        assertThat(f.has("bySource")).isFalse();

        JsonNode projects = f.get("projects");
        assertThat(projects).hasSize(expected.projects().size());
        for (JsonNode p : projects) {
            ProjectBalance b = expected.projects().stream().filter(x -> x.project().id().equals(p.get("id").asText()))
                    .findFirst().orElseThrow();
            assertThat(p.get("name").asText()).isEqualTo(b.project().name());
            assertThat(p.get("categoryLabel").asText()).isEqualTo(b.project().category().label());
            assertThat(p.get("budget").decimalValue()).isEqualByComparingTo(b.project().budget());
            assertThat(p.get("allocated").decimalValue()).isEqualByComparingTo(b.allocated())
                    .isLessThanOrEqualTo(b.project().budget());
            assertThat(p.get("disbursed").decimalValue()).isEqualByComparingTo(b.disbursed())
                    .isLessThanOrEqualTo(b.allocated());
            assertThat(p.get("ratePercent").decimalValue()).isBetween(BigDecimal.ZERO, new BigDecimal("100.0"))
                    .isEqualByComparingTo(b.allocated().signum() == 0 ? BigDecimal.ZERO
                            : b.disbursed().movePointRight(2).divide(b.allocated(), 1, RoundingMode.HALF_UP));
            assertThat(p.get("beneficiaries").asInt()).isEqualTo(b.project().beneficiaries().size());
            assertThat(p.get("areaName").asText()).isNotBlank().doesNotMatch("\\d+");
        }
    }

    @Test
    void aYearOrAllYearsCanBeChosenAndBadYearsAre400() throws Exception {
        JsonNode y2014 = getJson(viewerPortal, "/api/funds?year=2014", 200);
        assertThat(y2014.get("year").asInt()).isEqualTo(2014);
        assertLine(y2014.get("total"), fx.jz.funds().report(viewer, county, 2014).sourcesTotal());
        assertThat(y2014.get("projects")).allMatch(p -> p.get("year").asInt() == 2014);

        JsonNode all = getJson(viewerPortal, "/api/funds?year=all", 200);
        assertThat(all.get("year").isNull()).isTrue();
        assertThat(all.get("projects")).hasSize(fx.jz.funds().projects(viewer, county, null).size());
        assertThat(all.get("total").get("received").decimalValue()).isEqualByComparingTo(
                y2014.get("total").get("received").decimalValue()
                        .add(getJson(viewerPortal, "/api/funds?year=2015", 200).get("total").get("received")
                                .decimalValue()));

        assertThat(getJson(viewerPortal, "/api/funds?year=2031", 200).get("projects")).isEmpty();
        assertThat(getJson(viewerPortal, "/api/funds?year=abc", 400).get("code").asText()).isEqualTo("request.invalid");
        assertThat(getJson(viewerPortal, "/api/funds?year=1999", 400).get("messageZh").asText()).contains("请求参数无效");
    }

    @Test
    void aTownshipViewerSeesOnlyItsTownshipsMoney() throws Exception {
        JsonNode own = getJson(townshipPortal, "/api/funds", 200);
        assertThat(own.get("area").asText()).isEqualTo(township.value());
        assertThat(own.get("projects")).isNotEmpty()
                .allMatch(p -> township.contains(RegionCode.of(p.get("region").asText())));
        // The county's line for the township equals the township's own project totals.
        JsonNode countyView = getJson(viewerPortal, "/api/funds", 200);
        JsonNode line = null;
        for (JsonNode l : countyView.get("byArea")) {
            if (l.get("key").asText().equals(township.value())) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        BigDecimal allocated = BigDecimal.ZERO;
        for (JsonNode p : own.get("projects")) {
            allocated = allocated.add(p.get("allocated").decimalValue());
        }
        assertThat(allocated).isEqualByComparingTo(line.get("allocated").decimalValue());

        // Asking for the county is narrowed to the township, never widened.
        JsonNode narrowed = getJson(townshipPortal, "/api/funds?area=" + county.value(), 200);
        assertThat(narrowed.get("area").asText()).isEqualTo(township.value());
        assertThat(narrowed.get("projects")).hasSize(own.get("projects").size());

        RegionCode otherTown = fx.regions.stream().filter(r -> r.level() == RegionLevel.TOWNSHIP)
                .map(r -> r.code()).filter(c -> !c.equals(township)).findFirst().orElseThrow();
        assertThat(getJson(townshipPortal, "/api/funds?area=" + otherTown.value(), 403).get("code").asText())
                .isEqualTo("access.denied");
        assertThat(getJson(viewerPortal, "/api/funds?area=340102", 403).get("messageZh").asText()).contains("无权");
        assertThat(get(townshipPortal, "/download/funds.csv?area=" + otherTown.value()).statusCode()).isEqualTo(403);

        Principal nobody = new Principal("nobody", "无权限", county, Set.of());
        try (PortalServer mine = PortalServer.start(fx.jz, PortalServer.Options.defaults(
                (user, password) -> java.util.Optional.of(nobody)).withPort(0))) {
            PortalClient portal = PortalClient.signedIn(mine, "nobody", "anything");
            assertThat(getJson(portal, "/api/funds", 403).get("code").asText()).isEqualTo("access.permission");
        }
    }

    @Test
    void fundsCsvHasTheTotalKindsAreasAndProjects() throws Exception {
        HttpResponse<String> res = get(viewerPortal, "/download/funds.csv?year=2015");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("funds.csv");
        assertThat(res.body()).startsWith("\uFEFF");
        FundReport expected = fx.jz.funds().report(viewer, county, 2015);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(res.body().substring(1)))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(PortalViews.FUNDS_HEADER);
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(1 + expected.byKind().size() + expected.byArea().size()
                    + expected.projects().size());
            CSVRecord total = rows.get(0);
            assertThat(total.get("分组")).isEqualTo("合计");
            assertThat(new BigDecimal(total.get("到位(元)"))).isEqualByComparingTo(expected.sourcesTotal().received());
            assertThat(new BigDecimal(total.get("已支出(元)"))).isEqualByComparingTo(expected.sourcesTotal().disbursed());
            List<CSVRecord> projects = rows.stream().filter(r -> r.get("分组").equals("项目")).toList();
            assertThat(projects).hasSize(expected.projects().size());
            BigDecimal disbursed = BigDecimal.ZERO;
            for (CSVRecord r : projects) {
                disbursed = disbursed.add(new BigDecimal(r.get("已支出(元)")));
                assertThat(r.get("年度")).isEqualTo("2015");
            }
            assertThat(disbursed).isEqualByComparingTo(expected.projects().stream().map(ProjectBalance::disbursed)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    // ---------------------------------------------------------------- a household's plans and money

    @Test
    void planEndpointListsTheHouseholdsPlansWithTheirMeasures() throws Exception {
        Household h = fx.funded;
        HouseholdPlan expected = fx.jz.plans().householdPlan(fx.officer, h.id(), 2015).orElseThrow().value();
        JsonNode plans = getJson(officerPortal, "/api/households/" + h.id() + "/plans", 200);
        assertThat(plans).hasSize(1);
        JsonNode plan = plans.get(0);
        assertThat(plan.get("year").asInt()).isEqualTo(2015);
        assertThat(plan.get("incomeGoal").decimalValue()).isEqualByComparingTo("3500.00");
        assertThat(plan.get("totalCost").decimalValue()).isEqualByComparingTo(expected.totalCost());
        assertThat(plan.get("needs")).hasSize(expected.needs().size());
        JsonNode measures = plan.get("measures");
        assertThat(measures).hasSize(expected.measures().size()).isNotEmpty();
        for (int i = 0; i < expected.measures().size(); i++) {
            Measure m = expected.measures().get(i);
            JsonNode mj = measures.get(i);
            assertThat(mj.get("name").asText()).isEqualTo(m.description());
            assertThat(mj.get("cost").decimalValue()).isEqualByComparingTo(m.cost());
            assertThat(mj.get("benefit").decimalValue()).isEqualByComparingTo(m.expectedBenefit());
            assertThat(mj.get("owner").isNull() ? null : mj.get("owner").asText()).isEqualTo(m.responsibleCadre());
            assertThat(mj.get("deadline").asText()).isEqualTo(m.deadline().toString());
            assertThat(mj.get("statusLabel").asText()).isEqualTo(m.status().label());
            assertThat(mj.get("fundingSourceLabel").asText()).isEqualTo(m.fundingSource().label());
        }
        JsonNode note = measures.get(0).get("progress").get(0);
        assertThat(note.get("text").asText()).isEqualTo(PortalFixture.NOTE);
        assertThat(note.get("author").asText()).isEqualTo("county-officer");
        assertThat(measures.get(0).get("statusLabel").asText()).isEqualTo("实施中");

        // A viewer sees the note's author (names are not masked by the screen profile); a household without a plan
        // has an empty list.
        JsonNode viewed = getJson(viewerPortal, "/api/households/" + h.id() + "/plans", 200);
        assertThat(viewed.get(0).get("measures").get(0).get("progress").get(0).get("author").asText())
                .isEqualTo("county-officer");
        assertThat(getJson(viewerPortal, "/api/households/" + fx.amended.id() + "/plans", 200)).isEmpty();
    }

    @Test
    void fundsEndpointListsTheMoneyThatReachedTheHousehold() throws Exception {
        Household h = fx.funded;
        HouseholdFunds expected = fx.jz.funds().household(fx.officer, h.id(), 2015);
        JsonNode years = getJson(viewerPortal, "/api/households/" + h.id() + "/funds", 200);
        assertThat(years).hasSize(1);
        JsonNode y = years.get(0);
        assertThat(y.get("year").asInt()).isEqualTo(2015);
        assertThat(y.get("total").decimalValue()).isEqualByComparingTo(expected.total()).isPositive();
        assertThat(y.get("payments")).hasSize(expected.disbursements().size()).isNotEmpty();
        JsonNode payment = y.get("payments").get(0);
        assertThat(payment.get("projectName").asText()).isEqualTo(expected.disbursements().get(0).projectName());
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo(expected.disbursements().get(0).amount());
        assertThat(y.get("subsidies")).hasSize(expected.subsidies().size());
        assertThat(getJson(viewerPortal, "/api/households/" + fx.amended.id() + "/funds", 200)).isEmpty();
    }

    @Test
    void plansAndMoneyOfAnUnknownOrOutOfScopeHouseholdAreNotFound() throws Exception {
        for (String what : List.of("plans", "funds")) {
            assertThat(getJson(viewerPortal, "/api/households/341702-999999/" + what, 404).get("code").asText())
                    .isEqualTo("household.not_found");
            Household outside = fx.planned.stream().filter(h -> !township.contains(h.region())).findFirst()
                    .orElseThrow();
            JsonNode body = getJson(townshipPortal, "/api/households/" + outside.id() + "/" + what, 404);
            assertThat(body.get("code").asText()).isEqualTo("household.not_found");
            assertThat(body.get("messageZh").asText()).contains(outside.id());
            // Inside the scope the same call answers.
            Household inside = fx.planned.stream().filter(h -> township.contains(h.region())).findFirst().orElseThrow();
            assertThat(get(townshipPortal, "/api/households/" + inside.id() + "/" + what).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void noFullPersonalDataReachesAViewerThroughTheNewEndpoints() throws Exception {
        List<Household> all = fx.households();
        Set<String> secrets = new HashSet<>();
        for (Household h : all) {
            if (h.phone() != null) {
                secrets.add(h.phone());
            }
            if (h.bankAccount() != null) {
                secrets.add(h.bankAccount());
            }
            for (Member m : h.members()) {
                secrets.add(m.citizenId().value());
                secrets.add(m.name());
            }
        }
        List<String> bodies = new ArrayList<>();
        bodies.add(get(viewerPortal, "/api/funds?year=all").body());
        bodies.add(get(viewerPortal, "/download/funds.csv?year=all").body());
        for (Household h : fx.planned.subList(0, 10)) {
            bodies.add(get(viewerPortal, "/api/households/" + h.id() + "/plans").body());
            bodies.add(get(viewerPortal, "/api/households/" + h.id() + "/funds").body());
        }
        for (String body : bodies) {
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret);
            }
        }
    }
}
