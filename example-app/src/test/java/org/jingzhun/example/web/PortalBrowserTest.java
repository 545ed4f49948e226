package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jingzhun.core.funds.FundReport;
import org.jingzhun.core.funds.HouseholdFunds;
import org.jingzhun.core.statistics.RegionStatistics;
import org.jingzhun.core.statistics.YearFigures;
import org.jingzhun.spi.plan.HouseholdPlan;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (headless Debian Chromium through chromedriver): dashboard figures equal the API's,
 * the household list leads to a card whose members, incomes, plans, money and history are rendered, masked for a
 * viewer, and the funds page shows the library's report with its charts and projects. Without
 * Chromium the test is skipped loudly, and with {@code CI=true} it fails instead, so CI never passes without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private PortalFixture fx;
    private PortalServer portal;
    private WebDriver driver;
    private WebDriverWait wait;
    private Path profileDir;
    private String base;

    @BeforeAll
    void start() throws IOException {
        requireBrowser();
        fx = new PortalFixture();
        // The county officer signs in below; the masking itself is checked with a viewer further down.
        portal = fx.start(o -> o);
        base = "http://127.0.0.1:" + portal.port() + "/";

        profileDir = Files.createTempDirectory("portal-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // Pages re-render after each step: an element found a moment ago may have been replaced.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        signIn("county");
    }

    /** Signs in through the login form (signing out first when somebody is signed in). */
    private void signIn(String user) {
        driver.get("about:blank");
        driver.get(base);
        wait.until(d -> {
            String ready = d.findElement(By.id("view")).getAttribute("data-ready");
            return ready != null && !ready.isEmpty();
        });
        if (!driver.findElements(By.id("logout")).isEmpty()) {
            driver.findElement(By.id("logout")).click();
            awaitPage("login");
        }
        awaitPage("login");
        driver.findElement(By.id("login-user")).sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(PortalFixture.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "退出登录"));
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "\n\n*** PortalBrowserTest NEEDS " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver) ***\n";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "CI=true: a missing browser is a failure, not a skip.");
        }
        System.err.println(message + "*** SKIPPING the browser test because CI is not true. ***\n");
        Assumptions.abort("chromium/chromedriver missing: " + message.strip());
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (portal != null) {
            portal.close();
        }
        if (fx != null) {
            fx.close();
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Loads the app afresh at {@code hash} (via a blank page, so a same-URL navigation still reloads). */
    private void open(String hash) {
        driver.get("about:blank");
        driver.get(base + hash);
    }

    /** Keeps a picture of the page under target/portal-screenshots for a human to look at; asserts nothing. */
    private void screenshot(String name) throws IOException {
        Path dir = Paths.get("target", "portal-screenshots");
        Files.createDirectories(dir);
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    /** Waits for the single-page app to finish rendering {@code page} (it sets {@code data-ready} when done). */
    private void awaitPage(String page) {
        wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", page));
    }

    @Test
    void dashboardShowsTheCountyIncidenceOfTheApi() throws IOException {
        RegionStatistics county = fx.jz.statistics().summary(fx.officer, fx.generator.county());
        open("#/");
        awaitPage("dashboard");
        assertThat(driver.findElement(By.id("county-incidence")).getText())
                .isEqualTo(county.incidencePercent().toPlainString());
        assertThat(driver.findElement(By.id("poor-people")).getText().replace(",", ""))
                .isEqualTo(String.valueOf(county.poorPeople()));
        // Charts are drawn: one bar per township, one per main cause, one point per year.
        assertThat(driver.findElements(By.cssSelector("#township-chart rect.bar")))
                .hasSize(fx.generator.profile().townships());
        assertThat(driver.findElements(By.cssSelector("#cause-chart rect.bar")))
                .hasSize(county.poorByMainCause().size());
        // The closed years are the library's series: 2014 and 2015 in the fixture.
        List<YearFigures> series = fx.jz.statistics().series(fx.officer, fx.generator.county());
        List<WebElement> points = driver.findElements(By.cssSelector("#years-chart circle"));
        assertThat(points).hasSize(series.size());
        assertThat(points.get(1).getAttribute("data-incidence"))
                .isEqualTo(series.get(1).incidencePercent().toPlainString());
        // The dead links to plans and benefit-statement pages are gone; the work pages are there.
        assertThat(driver.findElements(By.cssSelector("#nav a[data-route=plans]"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#nav a[data-route=cases]")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#nav a[data-route=funds]")).isDisplayed()).isTrue();
        screenshot("dashboard");
        // The year selector shows that year's figures.
        new Select(driver.findElement(By.id("year-select"))).selectByValue("2015");
        wait.until(ExpectedConditions.attributeToBe(By.id("year-section"), "data-year", "2015"));
        awaitPage("dashboard");
        assertThat(driver.findElement(By.id("year-incidence")).getText())
                .isEqualTo(series.get(1).incidencePercent().toPlainString());
        assertThat(driver.findElement(By.id("year-poor-people")).getText().replace(",", ""))
                .isEqualTo(String.valueOf(series.get(1).poorPeople()));
        screenshot("dashboard-2015");
    }

    @Test
    void householdListLeadsToACardWithMembersIncomesAndHistory() throws IOException {
        open("#/");
        awaitPage("dashboard");
        driver.findElement(By.cssSelector("#nav a[data-route=households]")).click();
        awaitPage("households");
        screenshot("households");
        List<Household> all = fx.households();
        assertThat(driver.findElement(By.id("household-total")).getText()).contains(String.valueOf(all.size()));
        assertThat(driver.findElements(By.cssSelector("#household-table tbody tr"))).hasSize(20);
        assertThat(driver.findElement(By.id("page-info")).getText())
                .isEqualTo("第 1 / " + (all.size() + 19) / 20 + " 页");

        Household h = fx.amended;
        driver.findElement(By.cssSelector("#household-table tr[data-id='" + h.id() + "'] a.household-link")).click();
        awaitPage("household");
        assertThat(driver.findElement(By.id("household-card")).getAttribute("data-id")).isEqualTo(h.id());

        List<WebElement> memberRows = driver.findElements(By.cssSelector("#members-table tbody tr"));
        assertThat(memberRows).hasSize(h.size());
        for (int i = 0; i < h.size(); i++) {
            Member m = h.members().get(i);
            assertThat(memberRows.get(i).findElement(By.cssSelector("td.citizen-id")).getText())
                    .isEqualTo(m.citizenId().value());
            assertThat(memberRows.get(i).getText()).contains(m.name()).contains(m.relationship().label());
        }
        List<WebElement> incomeRows = driver.findElements(By.cssSelector("#incomes-table tbody tr"));
        assertThat(incomeRows).hasSize(2);
        assertThat(incomeRows.get(1).findElement(By.cssSelector("td.per-capita")).getText()).isEqualTo("3050.50");

        List<WebElement> entries = driver.findElements(By.cssSelector("#history-timeline > li"));
        assertThat(entries).extracting(e -> e.getAttribute("data-action"))
                .startsWith("register", "record-income", "record-income", "amend");
        WebElement amend = entries.get(3);
        assertThat(amend.findElement(By.cssSelector(".action")).getText()).isEqualTo("信息变更");
        assertThat(amend.findElement(By.cssSelector(".reason")).getText()).isEqualTo("phone number changed");
        WebElement phoneChange = amend.findElement(By.cssSelector("tr[data-path=phone]"));
        assertThat(phoneChange.getText()).contains(fx.oldPhone).contains("13912345678");
        screenshot("household-card");
    }

    @Test
    void aViewerSeesTheCardMasked() {
        Household h = fx.amended;
        try {
            signIn("viewer");
            open("#/household/" + h.id());
            awaitPage("household");
            assertThat(driver.findElement(By.id("masked-note")).isDisplayed()).isTrue();
            String page = driver.findElement(By.tagName("body")).getText();
            for (Member m : h.members()) {
                assertThat(page).contains(m.citizenId().masked()).doesNotContain(m.citizenId().value());
            }
            assertThat(page).doesNotContain("13912345678").doesNotContain(fx.oldPhone);
        } finally {
            signIn("county");
        }
    }

    @Test
    void aWrongPasswordIsShownAndLogoutLeadsBackToTheLoginForm() {
        try {
            signIn("viewer");
            driver.findElement(By.id("logout")).click();
            awaitPage("login");
            assertThat(driver.findElement(By.id("login-error")).getText()).contains("已退出登录");
            driver.findElement(By.id("login-user")).sendKeys("viewer");
            driver.findElement(By.id("login-password")).sendKeys("wrong password");
            driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "用户名或密码错误"));
            // Nothing but the form: the navigation stays hidden.
            assertThat(driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        } finally {
            signIn("county");
        }
    }

    @Test
    void aCaseIsCarriedFromTheVillageReviewThroughTheNoticeToTheTownshipDecision() throws IOException {
        String caseId = fx.applied.id();
        try {
            signIn("village");
            open("#/cases");
            awaitPage("cases");
            WebElement row = driver.findElement(By.cssSelector("#cases-table tr[data-kind=ENTRY][data-case='" + caseId + "']"));
            assertThat(row.getAttribute("data-stage")).isEqualTo("APPLIED");
            screenshot("cases-village");
            row.findElement(By.cssSelector("input.reason-input")).sendKeys("村民代表会议评议");
            row.findElement(By.cssSelector("button[data-action=vote]")).click();
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#cases-table tr[data-kind=ENTRY][data-case='" + caseId + "']"),
                    "data-stage", "VILLAGE_REVIEWED"));
            awaitPage("cases");
            WebElement reviewed = driver.findElement(By.cssSelector("#cases-table tr[data-kind=ENTRY][data-case='" + caseId + "']"));
            reviewed.findElement(By.cssSelector("input.reason-input")).sendKeys("评议通过，张榜公示");
            reviewed.findElement(By.cssSelector("button[data-action=notice]")).click();
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#cases-table tr[data-kind=ENTRY][data-case='" + caseId + "']"),
                    "data-stage", "FIRST_NOTICE"));
            // The notice lists the household: name, village, category and reason only.
            driver.findElement(By.cssSelector("#nav a[data-route=notices]")).click();
            awaitPage("notices");
            WebElement line = driver.findElement(By.cssSelector("#notices-table tr[data-case='" + caseId + "']"));
            Member head = fx.applied.applicant().head().orElseThrow();
            assertThat(line.getText()).contains(head.name()).contains("第一次公示")
                    .doesNotContain(head.citizenId().value());
            screenshot("notices");

            // Seven days later the township clerk decides.
            fx.clock.advance(Duration.ofDays(8));
            signIn("township");
            open("#/cases");
            awaitPage("cases");
            WebElement waiting = driver.findElement(By.cssSelector("#cases-table tr[data-kind=ENTRY][data-case='" + caseId + "']"));
            waiting.findElement(By.cssSelector("input.reason-input")).sendKeys("材料齐全，公示无异议");
            waiting.findElement(By.cssSelector("button[data-action=approve]")).click();
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#cases-table tr[data-kind=ENTRY][data-case='" + caseId + "']"),
                    "data-stage", "TOWNSHIP_REVIEWED"));
            screenshot("cases-township");
            var c = fx.jz.identification().get(fx.officer, caseId);
            assertThat(c.stage()).isEqualTo(org.jingzhun.core.identification.IdentificationStage.TOWNSHIP_REVIEWED);
            assertThat(c.steps().get(c.steps().size() - 1).note()).isEqualTo("材料齐全，公示无异议");
            assertThat(c.steps().get(c.steps().size() - 1).actorId()).isEqualTo("township");
        } finally {
            signIn("county");
        }
    }

    @Test
    void areasPageListsTownshipsAndVillagesWithPoorVillageBadges() throws IOException {
        open("#/areas");
        awaitPage("areas");
        screenshot("areas");
        assertThat(driver.findElements(By.cssSelector("#areas-table tr.township")))
                .hasSize(fx.generator.profile().townships());
        assertThat(driver.findElements(By.cssSelector("#areas-table tr.village")))
                .hasSize(fx.generator.profile().townships() * fx.generator.profile().villagesPerTownship());
        assertThat(driver.findElements(By.cssSelector("#areas-table tr.village .badge")))
                .hasSize(fx.generator.profile().poorVillages());
        // A village name filters the household list to that village.
        WebElement village = driver.findElement(By.cssSelector("#areas-table tr.village a"));
        String code = village.findElement(By.xpath("ancestor::tr")).getAttribute("data-code");
        village.click();
        awaitPage("households");
        long expected = fx.households().stream().filter(x -> x.region().value().equals(code)).count();
        assertThat(driver.findElement(By.id("household-total")).getText()).isEqualTo("共 " + expected + " 户");
    }

    @Test
    void downloadsPageLinksTheThreeFiles() {
        open("#/downloads");
        awaitPage("downloads");
        assertThat(driver.findElements(By.cssSelector("a.download-link")))
                .extracting(a -> a.getAttribute("href"))
                .containsExactly(base + "download/households.xlsx", base + "download/national.xlsx",
                        base + "download/households.ndjson", base + "download/public-notice.csv",
                        base + "download/summary.csv", base + "download/funds.csv");
    }

    @Test
    void fundsPageShowsTheReportChartsAndProjects() throws IOException {
        FundReport report = fx.jz.funds().report(fx.officer, fx.generator.county(), 2015);
        open("#/");
        awaitPage("dashboard");
        driver.findElement(By.cssSelector("#nav a[data-route=funds]")).click();
        awaitPage("funds");
        screenshot("funds");
        WebElement page = driver.findElement(By.id("funds"));
        assertThat(page.getAttribute("data-year")).isEqualTo("2015");
        assertThat(driver.findElement(By.cssSelector("#funds h2")).getText()).contains("贵池区").contains("扶贫资金");
        String rate = report.sourcesTotal().disbursementRate().movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        assertThat(driver.findElement(By.id("funds-rate")).getText()).isEqualTo(rate);
        // One bar per kind of source and per area, each as long as its rate (of 100%).
        List<WebElement> kindBars = driver.findElements(By.cssSelector("#funds-kind-chart rect.bar"));
        assertThat(kindBars).hasSize(report.byKind().size());
        assertThat(kindBars).extracting(b -> b.getAttribute("data-label"))
                .containsExactlyElementsOf(report.byKind().stream().map(l -> l.label()).toList());
        assertThat(driver.findElements(By.cssSelector("#funds-area-chart rect.bar"))).hasSize(report.byArea().size());
        assertThat(driver.findElement(By.id("funds-area-chart")).getText()).contains(report.byArea().get(1).label())
                .contains("贵池区本级");
        // The projects table lists every project of the year with its money.
        List<WebElement> rows = driver.findElements(By.cssSelector("#projects-table tbody tr"));
        assertThat(rows).hasSize(report.projects().size());
        var first = report.projects().get(0);
        WebElement row = driver.findElement(By.cssSelector("#projects-table tr[data-id='" + first.project().id() + "']"));
        assertThat(row.getText()).contains(first.project().name()).contains(first.project().category().label())
                .contains(first.disbursed().toPlainString());
        assertThat(driver.findElement(By.id("funds-kind-table")).getText()).contains("中央财政专项扶贫资金");
        assertThat(driver.findElement(By.id("funds-csv")).getAttribute("href"))
                .isEqualTo(base + "download/funds.csv?area=" + fx.generator.county().value() + "&year=2015");

        // Choosing 2014 reloads the page for that year.
        new Select(driver.findElement(By.id("funds-year"))).selectByValue("2014");
        wait.until(ExpectedConditions.attributeToBe(By.id("funds"), "data-year", "2014"));
        awaitPage("funds");
        assertThat(driver.findElements(By.cssSelector("#projects-table tbody tr")))
                .hasSize(fx.jz.funds().projects(fx.officer, fx.generator.county(), 2014).size());
    }

    @Test
    void householdCardShowsPlansAndTheMoneyThatReachedIt() throws IOException {
        var h = fx.funded;
        HouseholdPlan plan = fx.jz.plans().householdPlan(fx.officer, h.id(), 2015).orElseThrow().value();
        HouseholdFunds money = fx.jz.funds().household(fx.officer, h.id(), 2015);
        open("#/household/" + h.id());
        awaitPage("household");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('plans').scrollIntoView()");
        screenshot("household-card-plans-funds");
        WebElement planBox = driver.findElement(By.cssSelector("#plans .plan[data-year='2015']"));
        assertThat(planBox.findElement(By.tagName("h4")).getText()).contains("2015 年帮扶计划").contains("3500.00");
        List<WebElement> measures = planBox.findElements(By.cssSelector("table.measures tbody tr"));
        assertThat(measures).hasSize(plan.measures().size());
        assertThat(measures.get(0).findElement(By.cssSelector(".measure-name")).getText())
                .isEqualTo(plan.measures().get(0).description());
        assertThat(measures.get(0).getText()).contains(plan.measures().get(0).type().label()).contains("实施中");

        List<WebElement> payments = driver.findElements(By.cssSelector("#household-funds-table tr.payment"));
        assertThat(payments).hasSize(money.disbursements().size());
        assertThat(payments.get(0).getText()).contains(money.disbursements().get(0).projectName())
                .contains(money.disbursements().get(0).amount().toPlainString());
        assertThat(driver.findElement(By.id("household-funds-total")).getText())
                .isEqualTo(money.total().toPlainString());
    }

    @Test
    void theAuditorPagesTheMaskedLogAndChecksTheChain() throws IOException {
        try {
            signIn("auditor");
            assertThat(driver.findElement(By.cssSelector("#nav a[data-route=audit]")).isDisplayed()).isTrue();
            driver.findElement(By.cssSelector("#nav a[data-route=audit]")).click();
            awaitPage("audit");
            WebElement table = driver.findElement(By.id("audit-table"));
            assertThat(table.getAttribute("data-rows")).isEqualTo("50");
            List<WebElement> rows = driver.findElements(By.cssSelector("#audit-table tbody tr"));
            long first = Long.parseLong(rows.get(0).getAttribute("data-sequence"));
            long last = Long.parseLong(rows.get(rows.size() - 1).getAttribute("data-sequence"));
            assertThat(first).isGreaterThan(last);
            driver.findElement(By.id("audit-more")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("audit-table"), "data-rows", "100"));
            List<WebElement> more = driver.findElements(By.cssSelector("#audit-table tbody tr"));
            assertThat(Long.parseLong(more.get(50).getAttribute("data-sequence"))).isLessThan(last);

            driver.findElement(By.id("audit-verify")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("audit-verify-result"), "data-intact", "true"));
            assertThat(driver.findElement(By.id("audit-verify-result")).getText()).contains("哈希链完整");
            screenshot("audit");

            // Filtered to one household: its amendment is there, its phone masked in what the page holds.
            driver.findElement(By.id("audit-type")).sendKeys("household");
            driver.findElement(By.id("audit-subject")).sendKeys(fx.amended.id());
            driver.findElement(By.id("audit-apply")).click();
            wait.until(d -> d.getCurrentUrl().contains("subject="));
            awaitPage("audit");
            List<WebElement> entries = driver.findElements(By.cssSelector("#audit-table tbody tr"));
            assertThat(entries).isNotEmpty().allSatisfy(r -> assertThat(r.findElement(By.cssSelector(".entity-id"))
                    .getText()).isEqualTo(fx.amended.id()));
            String source = driver.getPageSource();
            assertThat(source).doesNotContain("13912345678").doesNotContain(fx.oldPhone);
            for (Member m : fx.amended.members()) {
                assertThat(source).doesNotContain(m.citizenId().value());
            }
        } finally {
            signIn("county");
        }
    }

    @Test
    void aTownshipClerkHasNoAuditPage() {
        try {
            signIn("township");
            assertThat(driver.findElement(By.cssSelector("#nav a[data-route=audit]")).isDisplayed()).isFalse();
            open("#/audit");
            awaitPage("error");
            assertThat(driver.findElement(By.id("error")).getText()).contains("403");
        } finally {
            signIn("county");
        }
    }

    private WebElement monitoringRow(String caseId) {
        return driver.findElement(By.cssSelector("#cases-table tr[data-kind=MONITORING][data-case='" + caseId + "']"));
    }

    private void step(String caseId, String action, String reason, String stageAfter) {
        WebElement row = monitoringRow(caseId);
        row.findElement(By.cssSelector("input.reason-input")).sendKeys(reason);
        row.findElement(By.cssSelector("button[data-action=" + action + "]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#cases-table tr[data-kind=MONITORING][data-case='"
                + caseId + "']"), "data-stage", stageAfter));
        awaitPage("cases");
    }

    @Test
    void aMonitoringLeadFromAVisitIsCarriedThroughTheNoticeToTheCountyDecision() throws IOException {
        Household h = fx.monitoringCandidate;
        try {
            signIn("village");
            open("#/cases");
            awaitPage("cases");
            driver.findElement(By.id("lead-household")).sendKeys(h.id());
            new Select(driver.findElement(By.id("lead-kind"))).selectByValue("CADRE_VISIT");
            driver.findElement(By.id("lead-source")).sendKeys("驻村干部 刘");
            driver.findElement(By.id("lead-reason")).sendKeys("入户走访：主要劳动力务工中断");
            driver.findElement(By.id("lead-submit")).click();
            String caseId = wait.until(d -> fx.jz.monitoring().cases(fx.officer, fx.village, null).stream()
                    .filter(c -> c.householdId().equals(h.id())).findFirst().orElse(null)).id();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#cases-table tr[data-kind=MONITORING][data-case='" + caseId + "']")));
            awaitPage("cases");
            WebElement row = monitoringRow(caseId);
            assertThat(row.getAttribute("data-stage")).isEqualTo("LEAD");
            assertThat(row.getText()).contains("干部走访排查").contains("务工中断");
            new Select(row.findElement(By.cssSelector("select.category-select"))).selectByValue("UNSTABLE_EXITED");
            step(caseId, "verify", "入户核实：收入骤降", "VERIFIED");
            step(caseId, "notice", "村内张榜公示", "NOTICE");
            screenshot("monitoring-village");

            driver.findElement(By.cssSelector("#nav a[data-route=notices]")).click();
            awaitPage("notices");
            WebElement line = driver.findElement(By.cssSelector("#notices-table tr[data-case='" + caseId + "']"));
            Member head = h.head().orElseThrow();
            assertThat(line.getText()).contains(head.name()).contains("脱贫不稳定户")
                    .doesNotContain(head.citizenId().value());

            // Five days on (the fixture's clock), the township checks and the county decides.
            fx.clock.advance(Duration.ofDays(5));
            signIn("township");
            open("#/cases");
            awaitPage("cases");
            step(caseId, "approve", "公示无异议，乡镇审核通过", "TOWNSHIP_CHECKED");
            assertThat(monitoringRow(caseId).findElements(By.cssSelector("button.step"))).isEmpty();
            signIn("county");
            open("#/cases");
            awaitPage("cases");
            WebElement waiting = monitoringRow(caseId);
            waiting.findElement(By.cssSelector("input.reason-input")).sendKeys("县级确定为监测对象");
            waiting.findElement(By.cssSelector("button[data-action=approve]")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                    "#cases-table tr[data-kind=MONITORING][data-case='" + caseId + "']")));
            awaitPage("cases");
            screenshot("monitoring-decided");
            var c = fx.jz.monitoring().getCase(fx.officer, caseId);
            assertThat(c.stage()).isEqualTo(org.jingzhun.core.monitoring.MonitoringStage.MONITORED);
            assertThat(c.steps()).extracting(s -> s.actorId()).containsExactly("village", "village", "village",
                    "township", "county");
            assertThat(c.steps().get(c.steps().size() - 1).note()).isEqualTo("县级确定为监测对象");
        } finally {
            signIn("county");
        }
    }

    @Test
    void theBenefitCardLinksTheLibrarysPrintablePageWhoseHashedStyleApplies() {
        Household h = fx.funded;
        try {
            signIn("viewer");
            open("#/benefit/" + h.id());
            awaitPage("benefit");
            String href = driver.findElement(By.id("benefit-print-link")).getAttribute("href");
            assertThat(href).startsWith(base + "print/benefits/" + h.id() + "?year=");
            driver.get(href);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(driver.getTitle()).contains(h.id());
            // The policy allows the page's own style block by its hash: the library's layout applies.
            assertThat(driver.findElement(By.tagName("table")).getCssValue("border-collapse")).isEqualTo("collapse");
            String source = driver.getPageSource();
            for (Member m : h.members()) {
                assertThat(source).doesNotContain(m.citizenId().value());
            }
        } finally {
            signIn("county");
        }
    }
}
