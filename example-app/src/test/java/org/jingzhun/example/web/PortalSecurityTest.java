package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhun.core.identification.IdentificationStage;
import org.jingzhun.example.demo.DemoSettings;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal's sign-in and HTTP surface through real HTTP: login, logout, lockout and idle expiry on a clock the
 * test moves; the principal comes from the session only; CSRF refusal; security headers and JSON errors, Jetty's own
 * included; loopback by default; scope by URL; no unmasked ID, phone or bank number for a viewer in any answer; and
 * one procedure step through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSecurityTest {
    private PortalFixture fx;
    private TestClock sessionClock;
    private PortalServer portal;

    @BeforeAll
    void start() {
        fx = new PortalFixture();
        sessionClock = new TestClock(java.time.Instant.parse("2026-01-05T01:00:00Z"));
        portal = fx.start(o -> o.withClock(sessionClock).withIdleTimeout(Duration.ofMinutes(10))
                .withLockout(3, Duration.ofMinutes(5)));
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
        fx.close();
    }

    @Test
    void withoutASessionEveryApiAndDownloadIs401() {
        PortalClient anonymous = new PortalClient(portal);
        for (String path : List.of("/api/me", "/api/summary", "/api/households", "/download/households.ndjson",
                "/download/households.xlsx", "/api/cases", "/api/notices")) {
            HttpResponse<String> res = anonymous.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.json(res).get("code").asText()).isEqualTo("login.required");
        }
        // The page itself is public (it only shows the login form), and carries no data.
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void loginThenMeThenLogout() {
        PortalClient c = new PortalClient(portal);
        HttpResponse<String> res = c.login("township", PortalFixture.PASSWORD);
        assertThat(res.statusCode()).isEqualTo(200);
        String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(PortalServer.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict");
        JsonNode me = c.json(c.get("/api/me"));
        assertThat(me.get("userId").asText()).isEqualTo("township");
        assertThat(me.get("scope").asText()).isEqualTo(fx.township.value());
        assertThat(me.get("permissions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("READ", "WRITE", "APPROVE");
        assertThat(me.get("personalDataVisible").asBoolean()).isFalse();
        assertThat(me.get("csrfToken").asText()).isEqualTo(c.csrf).hasSizeGreaterThan(30);

        assertThat(c.post("/api/logout", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> after = c.get("/api/me");
        assertThat(after.statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheCountyOfficerSeesPersonalData() {
        Map<String, Boolean> expected = Map.of("county", true, "viewer", false, "auditor", false, "township", false,
                "village", false);
        expected.forEach((user, personal) -> {
            PortalClient c = PortalClient.signedIn(portal, user, PortalFixture.PASSWORD);
            JsonNode me = c.json(c.get("/api/me"));
            assertThat(me.get("personalDataVisible").asBoolean()).as(user).isEqualTo(personal);
        });
        PortalClient viewer = PortalClient.signedIn(portal, "viewer", PortalFixture.PASSWORD);
        assertThat(viewer.json(viewer.get("/api/me")).get("permissions")).extracting(JsonNode::asText)
                .containsExactly("READ");
    }

    @Test
    void aWrongPasswordIs401AndTheThirdLocksTheUserNameUntilTheLockoutEnds() {
        PortalClient c = new PortalClient(portal);
        HttpResponse<String> first = c.login("auditor", "wrong");
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(c.json(first).get("code").asText()).isEqualTo("login.failed");
        assertThat(c.login("AUDITOR", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> third = c.login("auditor", "wrong");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(c.json(third).get("code").asText()).isEqualTo("login.locked");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        // Locked: even the right password is refused, without being looked at.
        assertThat(c.login("auditor", PortalFixture.PASSWORD).statusCode()).isEqualTo(429);
        // Other users are not affected.
        assertThat(new PortalClient(portal).login("viewer", PortalFixture.PASSWORD).statusCode()).isEqualTo(200);
        sessionClock.advance(Duration.ofMinutes(6));
        assertThat(c.login("auditor", PortalFixture.PASSWORD).statusCode()).isEqualTo(200);
        // An unknown user is refused like a wrong password.
        assertThat(new PortalClient(portal).login("nobody-here", "x").statusCode()).isEqualTo(401);
    }

    @Test
    void anIdleSessionExpires() {
        PortalClient c = PortalClient.signedIn(portal, "viewer", PortalFixture.PASSWORD);
        sessionClock.advance(Duration.ofMinutes(9));
        assertThat(c.get("/api/summary").statusCode()).isEqualTo(200);
        // Each request restarts the idle time: 9 more minutes are still inside it.
        sessionClock.advance(Duration.ofMinutes(9));
        assertThat(c.get("/api/summary").statusCode()).isEqualTo(200);
        sessionClock.advance(Duration.ofMinutes(10));
        HttpResponse<String> expired = c.get("/api/summary");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(c.json(expired).get("code").asText()).isEqualTo("session.expired");
    }

    @Test
    void theCallerCannotNameAnotherPrincipal() {
        PortalClient c = PortalClient.signedIn(portal, "townviewer", PortalFixture.PASSWORD);
        HttpResponse<String> res = c.get("/api/me?userId=county&scope=" + fx.generator.county().value());
        assertThat(c.json(res).get("userId").asText()).isEqualTo("townviewer");
        assertThat(c.json(c.get("/api/summary")).get("code").asText()).isEqualTo(fx.township.value());
    }

    @Test
    void aTownshipClerkSeesOnlyTheTownshipAndCannotReachAnotherByUrl() {
        PortalClient c = PortalClient.signedIn(portal, "township", PortalFixture.PASSWORD);
        String other = fx.otherTownship.value();
        for (String path : List.of("/api/summary?area=" + other, "/api/breakdown?area=" + other,
                "/api/households?area=" + other, "/api/cases?area=" + other, "/api/notices?area=" + other,
                "/api/funds?area=" + other, "/download/households.xlsx?area=" + other,
                "/api/dashboard?area=" + other)) {
            HttpResponse<String> res = c.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(403);
            assertThat(res.body()).contains("access.denied");
        }
        Household outside = fx.households().stream().filter(h -> !fx.township.contains(h.region())).findFirst()
                .orElseThrow();
        assertThat(c.get("/api/households/" + outside.id()).statusCode()).isEqualTo(404);
        JsonNode list = c.json(c.get("/api/households?limit=500"));
        list.get("items").forEach(r -> assertThat(r.get("region").asText()).startsWith(fx.township.value()
                .substring(0, 9)));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        PortalClient c = PortalClient.signedIn(portal, "village", PortalFixture.PASSWORD);
        String path = "/api/cases/entry/" + fx.applied.id() + "/vote";
        Map<String, Object> vote = Map.of("inFavour", 7, "against", 1, "abstained", 0);
        HttpResponse<String> none = c.post(path, vote, null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(c.json(none).get("code").asText()).isEqualTo("csrf.invalid");
        assertThat(c.post(path, vote, "forged-" + c.csrf).statusCode()).isEqualTo(403);
        assertThat(c.post("/api/logout", Map.of(), null).statusCode()).isEqualTo(403);
        assertThat(c.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(fx.jz.identification().get(fx.officer, fx.applied.id()).stage())
                .isEqualTo(IdentificationStage.APPLIED);
        // A login from another site is refused.
        HttpResponse<String> crossSite = loginFrom("http://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> loginFrom(String origin) {
        PortalClient c = new PortalClient(portal);
        try {
            return c.http.send(java.net.http.HttpRequest.newBuilder(c.uri("/api/login"))
                    .header("Content-Type", "application/json").header("Origin", origin)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"county\",\"password\":\"" + PortalFixture.PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        PortalClient anonymous = new PortalClient(portal);
        PortalClient viewer = PortalClient.signedIn(portal, "viewer", PortalFixture.PASSWORD);
        List<HttpResponse<?>> answers = List.of(anonymous.get("/"), anonymous.get("/app.js"),
                anonymous.get("/api/summary"), viewer.get("/api/summary"), viewer.getBytes("/download/households.xlsx"),
                viewer.get("/api/households/341702-999999"), viewer.get("/api/nothing-here"),
                anonymous.login("viewer", "wrong"));
        for (HttpResponse<?> res : answers) {
            PortalServer.SECURITY_HEADERS.forEach((name, value) -> assertThat(res.headers().firstValue(name))
                    .as(res.uri() + " " + name).contains(value));
        }
        assertThat(PortalServer.SECURITY_HEADERS.get("Content-Security-Policy")).doesNotContain("unsafe-inline")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void jettysOwnRefusalsAreJsonWithTheHeaders() throws Exception {
        String bad = raw("GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(bad).startsWith("HTTP/1.1 400").contains("application/json").contains("\"code\":\"request.")
                .contains("X-Content-Type-Options: nosniff").doesNotContain("<html").doesNotContain("Exception");
        String tooLong = raw("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                + "\r\n\r\n");
        assertThat(tooLong).startsWith("HTTP/1.1 414").contains("\"code\":\"request.uri_too_long\"")
                .contains("X-Frame-Options: DENY").doesNotContain("<html");
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", portal.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBindAddressDefaultsToLoopback() {
        assertThat(PortalServer.Options.defaults((u, p) -> java.util.Optional.empty()).host()).isEqualTo("127.0.0.1");
        assertThat(portal.host()).isEqualTo("127.0.0.1");
        assertThat(DemoSettings.from(Map.of(), Map.of()).host()).isEqualTo("127.0.0.1");
        assertThat(DemoSettings.from(Map.of("host", "0.0.0.0"), Map.of()).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void aViewerNeverReceivesAnUnmaskedIdPhoneOrBankNumber() {
        PortalClient viewer = PortalClient.signedIn(portal, "viewer", PortalFixture.PASSWORD);
        List<Household> all = fx.households();
        Set<String> secrets = new HashSet<>();
        for (Household h : all) {
            if (h.phone() != null) {
                secrets.add(h.phone());
            }
            if (h.bankAccount() != null) {
                secrets.add(h.bankAccount());
            }
            h.members().stream().map(Member::citizenId).forEach(id -> secrets.add(id.value()));
        }
        fx.applied.applicant().members().forEach(m -> secrets.add(m.citizenId().value()));
        List<byte[]> bodies = new ArrayList<>();
        for (String path : List.of("/", "/app.js", "/api/me", "/api/summary", "/api/breakdown", "/api/dashboard",
                "/api/households?limit=500", "/api/cases", "/api/notices", "/api/funds?year=all",
                "/download/public-notice.csv", "/download/households.ndjson", "/download/summary.csv",
                "/download/funds.csv?year=all")) {
            HttpResponse<byte[]> res = viewer.getBytes(path);
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            bodies.add(res.body());
        }
        for (Household h : all.subList(0, 15)) {
            for (String tail : List.of("", "/history", "/plans", "/funds", "/benefits?year=2015")) {
                HttpResponse<byte[]> res = viewer.getBytes("/api/households/" + h.id() + tail);
                assertThat(res.statusCode()).as(h.id() + tail).isEqualTo(200);
                bodies.add(res.body());
            }
        }
        for (byte[] body : bodies) {
            String text = new String(body, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    void aCadreTakesTheVillageReviewAndOpensTheNoticeThroughTheApi() {
        PortalFixture own = new PortalFixture();
        try (PortalServer p = own.start(o -> o)) {
            PortalClient cadre = PortalClient.signedIn(p, "village", PortalFixture.PASSWORD);
            JsonNode queue = cadre.json(cadre.get("/api/cases?mine=true"));
            JsonNode row = queue.get("cases").get(0);
            assertThat(row.get("id").asText()).isEqualTo(own.applied.id());
            assertThat(row.get("actions")).extracting(a -> a.get("action").asText()).containsExactly("vote");
            // The library's screen profile shows the applicant's name (as a notice would), never the ID.
            assertThat(row.get("name").asText()).isEqualTo(own.applied.applicant().head().orElseThrow().name());
            assertThat(queue.toString()).doesNotContain(own.applied.applicant().head().orElseThrow().citizenId()
                    .value());

            JsonNode voted = cadre.json(cadre.post("/api/cases/entry/" + own.applied.id() + "/vote",
                    Map.of("inFavour", 7, "against", 1, "abstained", 0, "reason", "村民代表会议")));
            assertThat(voted.get("stage").asText()).isEqualTo("VILLAGE_REVIEWED");
            JsonNode opened = cadre.json(cadre.post("/api/cases/entry/" + own.applied.id() + "/notice",
                    Map.of("reason", "村内第一次公示")));
            assertThat(opened.get("stage").asText()).isEqualTo("FIRST_NOTICE");
            // The cadre may not take the township's step: the library refuses it (level).
            HttpResponse<String> refused = cadre.post("/api/cases/entry/" + own.applied.id() + "/approve", Map.of());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(cadre.json(refused).get("code").asText()).isEqualTo("workflow.level");

            JsonNode notices = cadre.json(cadre.get("/api/notices"));
            assertThat(notices.get("lines")).hasSize(1);
            JsonNode line = notices.get("lines").get(0);
            Member head = own.applied.applicant().head().orElseThrow();
            assertThat(line.get("name").asText()).isEqualTo(head.name());
            assertThat(line.get("category").asText()).contains("第一次公示");
            assertThat(line.toString()).doesNotContain(head.citizenId().value());
            assertThat(fx.jz.identification().list(fx.officer, fx.generator.county(), null)).isNotEmpty();
        } finally {
            own.close();
        }
    }
}
