package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jingzhun.core.monitoring.MonitoringCase;
import org.jingzhun.core.monitoring.MonitoringRecord;
import org.jingzhun.core.monitoring.MonitoringStage;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal's audit page and monitoring work over HTTP: the auditor reads the county's audit log masked, pages it by
 * keyset and checks the hash chain, others are refused; a monitoring lead entered from a visit is carried through
 * the queue, the notice and the decisions, each step by the level the library requires; the printable 明白卡 is the
 * library's own page under a policy that allows only its hashed style.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalWorkApiTest {
    private PortalFixture fx;
    private PortalServer portal;

    @BeforeAll
    void start() {
        fx = new PortalFixture();
        portal = fx.start(o -> o);
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        fx.close();
    }

    private PortalClient as(String user) {
        return PortalClient.signedIn(portal, user, PortalFixture.PASSWORD);
    }

    private static JsonNode ok(PortalClient c, HttpResponse<String> res, int status) {
        assertThat(res.statusCode()).as(res.uri() + " → " + res.body()).isEqualTo(status);
        return c.json(res);
    }

    /** Every full citizen ID, phone and bank account of the county: none may reach a masked principal. */
    private List<String> personalData() {
        List<String> out = new ArrayList<>();
        for (Household h : fx.households()) {
            for (Member m : h.members()) {
                if (m.citizenId() != null) {
                    out.add(m.citizenId().value());
                }
            }
            if (h.phone() != null) {
                out.add(h.phone());
            }
            if (h.bankAccount() != null) {
                out.add(h.bankAccount());
            }
        }
        out.add(fx.oldPhone);
        return out;
    }

    /** Every page of the audit log as {@code client} reads it, following the keyset "more" to the end. */
    private List<JsonNode> allAuditPages(PortalClient client, String filter) {
        List<JsonNode> pages = new ArrayList<>();
        String before = null;
        do {
            JsonNode page = ok(client, client.get("/api/audit?limit=1000" + filter
                    + (before == null ? "" : "&before=" + before)), 200);
            pages.add(page);
            before = page.get("next").isNull() ? null : page.get("next").asText();
        } while (before != null);
        return pages;
    }

    @Test
    void theAuditorReadsTheWholeLogMaskedNewestFirstByKeysetPages() {
        PortalClient auditor = as("auditor");
        JsonNode first = ok(auditor, auditor.get("/api/audit?limit=20"), 200);
        assertThat(first.get("county").asText()).isEqualTo(fx.generator.county().countyCode());
        List<Long> sequences = new ArrayList<>();
        first.get("items").forEach(e -> sequences.add(e.get("sequence").asLong()));
        assertThat(sequences).hasSize(20).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        long next = first.get("next").asLong();
        assertThat(next).isEqualTo(sequences.get(19));
        JsonNode second = ok(auditor, auditor.get("/api/audit?limit=20&before=" + next), 200);
        assertThat(second.get("items").get(0).get("sequence").asLong()).isLessThan(next);

        // Scan the bytes of the whole log as the auditor receives it: no full ID, phone or bank account.
        List<String> secrets = personalData();
        int entries = 0;
        for (JsonNode page : allAuditPages(auditor, "")) {
            String body = page.toString();
            entries += page.get("items").size();
            for (String secret : secrets) {
                assertThat(body).as("the auditor's audit log holds personal data").doesNotContain(secret);
            }
        }
        assertThat(entries).isGreaterThan(fx.households().size());
        // The same log read by the county officer, who may see personal data, holds the amended phone: the scan
        // above looked where the data is.
        StringBuilder full = new StringBuilder();
        allAuditPages(as("county"), "&type=household&subject=" + fx.amended.id()).forEach(full::append);
        assertThat(full.toString()).contains("13912345678");
    }

    @Test
    void filtersNarrowByActorSubjectAndPeriod() {
        PortalClient auditor = as("auditor");
        JsonNode about = ok(auditor, auditor.get("/api/audit?type=household&subject=" + fx.amended.id()
                + "&actor=county-officer"), 200);
        List<String> actions = new ArrayList<>();
        about.get("items").forEach(e -> {
            assertThat(e.get("entityId").asText()).isEqualTo(fx.amended.id());
            assertThat(e.get("actorId").asText()).isEqualTo("county-officer");
            actions.add(e.get("action").asText());
        });
        // Newest first: the amendment before the registration (incomes are entries about another type).
        assertThat(actions).containsSubsequence("amend", "register");
        assertThat(actions.get(actions.size() - 1)).isEqualTo("register");
        LocalDate today = LocalDate.now(fx.clock);
        assertThat(ok(auditor, auditor.get("/api/audit?from=" + today.plusDays(30)), 200).get("items")).isEmpty();
        assertThat(ok(auditor, auditor.get("/api/audit?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)),
                200).get("items")).isNotEmpty();
        assertThat(ok(auditor, auditor.get("/api/audit?actor=nobody"), 200).get("items")).isEmpty();
        assertThat(ok(auditor, auditor.get("/api/audit?from=yesterday"), 400).get("code").asText())
                .isEqualTo("request.invalid");
        assertThat(ok(auditor, auditor.get("/api/audit?subject=x"), 400).get("code").asText())
                .isEqualTo("request.invalid");
    }

    @Test
    void theChainCheckReportsTheCountyIntact() {
        PortalClient auditor = as("auditor");
        JsonNode v = ok(auditor, auditor.get("/api/audit/verify"), 200);
        assertThat(v.get("intact").asBoolean()).isTrue();
        assertThat(v.get("brokenSequence").isNull()).isTrue();
        assertThat(v.get("checked").asLong()).isGreaterThan(fx.households().size());
    }

    @Test
    void onlyPrincipalsWithAuditOverTheCountyReadTheLog() {
        for (String user : List.of("township", "viewer", "village")) {
            PortalClient c = as(user);
            assertThat(ok(c, c.get("/api/audit"), 403).get("code").asText()).as(user).startsWith("access.");
            assertThat(ok(c, c.get("/api/audit/verify"), 403).get("code").asText()).as(user).startsWith("access.");
        }
        // Only the auditor's session decides: no parameter names another county or principal.
        PortalClient anonymous = new PortalClient(portal);
        assertThat(anonymous.get("/api/audit").statusCode()).isEqualTo(401);
        // The auditor's role now carries AUDIT; the county officer keeps every permission.
        assertThat(Role.AUDITOR.permissions()).contains(org.jingzhun.spi.access.Permission.AUDIT)
                .doesNotContain(org.jingzhun.spi.access.Permission.VIEW_PERSONAL_DATA,
                        org.jingzhun.spi.access.Permission.WRITE);
        PortalClient auditor = as("auditor");
        assertThat(ok(auditor, auditor.get("/api/me"), 200).get("permissions"))
                .extracting(JsonNode::asText).containsExactly("AUDIT", "READ");
    }

    /** The monitoring case {@code id} in a queue (case ids are unique within a procedure only). */
    private static JsonNode caseIn(JsonNode queue, String id) {
        for (JsonNode c : queue.get("cases")) {
            if (c.get("kind").asText().equals("MONITORING") && c.get("id").asText().equals(id)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> actions(JsonNode c) {
        List<String> out = new ArrayList<>();
        c.get("actions").forEach(a -> out.add(a.get("action").asText()));
        return out;
    }

    @Test
    void aLeadFromAVisitIsCarriedThroughTheNoticeToTheCountyDecision() {
        Household h = fx.monitoringCandidate;
        PortalClient village = as("village");
        Map<String, Object> lead = Map.of("householdId", h.id(), "kind", "CADRE_VISIT", "source", "驻村干部",
                "reason", "入户走访：主要劳动力务工中断");
        assertThat(village.post("/api/monitoring/leads", lead, "wrong").statusCode()).isEqualTo(403);
        JsonNode opened = ok(village, village.post("/api/monitoring/leads", lead), 201);
        String id = opened.get("id").asText();
        assertThat(opened.get("kind").asText()).isEqualTo("MONITORING");
        assertThat(opened.get("stage").asText()).isEqualTo("LEAD");
        assertThat(opened.get("lead").asText()).contains("干部走访排查").contains("务工中断");
        assertThat(opened.get("name").asText()).isEqualTo(h.head().orElseThrow().name());
        // A second lead for the same household is refused by the library.
        assertThat(ok(village, village.post("/api/monitoring/leads", lead), 409).get("code").asText())
                .startsWith("workflow.");

        JsonNode inQueue = caseIn(ok(village, village.get("/api/cases"), 200), id);
        assertThat(actions(inQueue)).containsExactly("verify", "reject");
        assertThat(ok(village, village.post("/api/cases/monitoring/" + id + "/verify", Map.of("reason", "核实")), 400)
                .get("code").asText()).isEqualTo("request.invalid");
        JsonNode verified = ok(village, village.post("/api/cases/monitoring/" + id + "/verify",
                Map.of("reason", "入户核实，收入骤降", "category", "UNSTABLE_EXITED")), 200);
        assertThat(verified.get("stage").asText()).isEqualTo("VERIFIED");
        assertThat(actions(verified)).containsExactly("notice");
        JsonNode onNotice = ok(village, village.post("/api/cases/monitoring/" + id + "/notice",
                Map.of("reason", "村内张榜公示")), 200);
        assertThat(onNotice.get("stage").asText()).isEqualTo("NOTICE");
        assertThat(actions(onNotice)).containsExactly("object"); // the village cannot check for the township

        // The notice, through the library's public-notice masking, whoever reads it.
        PortalClient viewer = as("viewer");
        HttpResponse<String> notices = viewer.get("/api/notices");
        JsonNode line = null;
        for (JsonNode l : ok(viewer, notices, 200).get("lines")) {
            if (l.get("caseId").asText().equals(id)) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("category").asText()).contains("脱贫不稳定户");
        assertThat(line.get("name").asText()).isEqualTo(h.head().orElseThrow().name());
        assertThat(line.get("runsUntil").asText())
                .isEqualTo(LocalDate.parse(line.get("openedOn").asText()).plusDays(5).toString());
        for (String secret : personalData()) {
            assertThat(notices.body()).doesNotContain(secret);
        }

        PortalClient township = as("township");
        assertThat(actions(caseIn(ok(township, township.get("/api/cases"), 200), id))).contains("approve");
        assertThat(ok(township, township.post("/api/cases/monitoring/" + id + "/approve",
                Map.of("reason", "镇审核")), 409).get("code").asText()).startsWith("workflow.");
        fx.clock.advance(Duration.ofDays(5));
        JsonNode checked = ok(township, township.post("/api/cases/monitoring/" + id + "/approve",
                Map.of("reason", "公示无异议，乡镇审核通过")), 200);
        assertThat(checked.get("stage").asText()).isEqualTo("TOWNSHIP_CHECKED");
        assertThat(actions(checked)).isEmpty(); // the county decides
        assertThat(ok(township, township.post("/api/cases/monitoring/" + id + "/approve",
                Map.of("reason", "越级")), 409).get("code").asText()).isEqualTo("workflow.level");

        PortalClient county = as("county");
        assertThat(actions(caseIn(ok(county, county.get("/api/cases"), 200), id))).containsExactly("approve",
                "reject");
        JsonNode decided = ok(county, county.post("/api/cases/monitoring/" + id + "/approve",
                Map.of("reason", "县级确定为监测对象")), 200);
        assertThat(decided.get("stage").asText()).isEqualTo("MONITORED");
        // Decided cases leave the queue; the library holds the monitored household.
        assertThat(caseIn(ok(county, county.get("/api/cases"), 200), id)).isNull();
        MonitoringCase c = fx.jz.monitoring().getCase(fx.officer, id);
        assertThat(c.stage()).isEqualTo(MonitoringStage.MONITORED);
        assertThat(c.category()).isEqualTo(MonitoringCategory.UNSTABLE_EXITED);
        assertThat(c.steps()).extracting(s -> s.actorId()).containsExactly("village", "village", "village",
                "township", "county");
        assertThat(fx.jz.monitoring().list(fx.officer, fx.generator.county())).extracting(MonitoringRecord::householdId)
                .contains(h.id());
    }

    @Test
    void leadsAreRefusedOutsideTheScopeForPoorHouseholdsAndWithoutAKind() {
        PortalClient village = as("village");
        Household elsewhere = fx.households().stream().filter(x -> !x.region().equals(fx.village)
                && x.status() == org.jingzhun.spi.household.PovertyStatus.EXITED).findFirst().orElse(fx.exited);
        HttpResponse<String> outside = village.post("/api/monitoring/leads", Map.of("householdId", elsewhere.id(),
                "kind", "SELF_REPORT", "source", "户主", "reason", "因病"));
        assertThat(outside.statusCode()).as(outside.body()).isIn(403, 404);
        Household poor = fx.households().stream().filter(x -> x.status().poor()).findFirst().orElseThrow();
        PortalClient county = as("county");
        assertThat(ok(county, county.post("/api/monitoring/leads", Map.of("householdId", poor.id(), "kind",
                "SELF_REPORT", "source", "户主", "reason", "因病")), 409).get("code").asText())
                .isEqualTo("workflow.status");
        assertThat(ok(village, village.post("/api/monitoring/leads", Map.of("householdId", poor.id(), "kind",
                "SECTOR", "source", "户主", "reason", "因病")), 409).get("code").asText()).startsWith("workflow.");
        assertThat(ok(village, village.post("/api/monitoring/leads", Map.of("householdId", poor.id(), "kind",
                "VISIT", "source", "户主", "reason", "因病")), 400).get("code").asText()).isEqualTo("request.invalid");
        PortalClient viewer = as("viewer");
        assertThat(ok(viewer, viewer.post("/api/monitoring/leads", Map.of("householdId",
                fx.secondCandidate.id(), "kind", "SELF_REPORT", "source", "户主", "reason", "因病")), 403)
                .get("code").asText()).startsWith("access.");
    }

    @Test
    void aLeadNamingAnIdIsMaskedForTheTownshipClerk() {
        Household h = fx.secondCandidate;
        String headId = h.head().orElseThrow().citizenId().value();
        PortalClient county = as("county");
        String id = ok(county, county.post("/api/monitoring/leads", Map.of("householdId", h.id(), "kind",
                "SELF_REPORT", "source", "户主", "reason", "户主 " + headId + " 住院，自付 3 万元")), 201)
                .get("id").asText();
        PortalClient township = as("township");
        HttpResponse<String> queue = township.get("/api/cases");
        assertThat(caseIn(ok(township, queue, 200), id)).isNotNull();
        assertThat(queue.body()).doesNotContain(headId);
        assertThat(caseIn(ok(county, county.get("/api/cases"), 200), id).get("lead").asText()).contains(headId);
    }

    @Test
    void thePrintableBenefitCardIsTheLibrarysPageUnderAStrictPolicy() throws Exception {
        Household h = fx.funded;
        PortalClient viewer = as("viewer");
        HttpResponse<String> res = viewer.get("/print/benefits/" + h.id() + "?year=2015");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = res.body();
        assertThat(html).contains(h.id()).doesNotContainIgnoringCase("<script");
        for (Member m : h.members()) {
            assertThat(html).doesNotContain(m.citizenId().value());
        }
        String policy = res.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'").doesNotContain("unsafe-inline").doesNotContain("script-src");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("'sha256-" + hash + "'");
        assertThat(res.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(res.headers().firstValue("Cache-Control")).hasValue("no-store");
        // Signed out, nothing; another township's household, refused by the library.
        assertThat(new PortalClient(portal).get("/print/benefits/" + h.id()).statusCode()).isEqualTo(401);
        Household elsewhere = fx.households().stream().filter(x -> !fx.township.contains(x.region())).findFirst()
                .orElseThrow();
        assertThat(as("township").get("/print/benefits/" + elsewhere.id()).statusCode()).isEqualTo(403);
    }
}
