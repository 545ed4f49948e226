package org.jingzhun.core.benefit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.policy.BenefitLine;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.Allocation;
import org.jingzhun.spi.funds.Disbursement;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.Microcredit;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.BenefitRule;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.HospitalLevel;
import org.jingzhun.spi.policy.HouseholdFacts;
import org.jingzhun.spi.policy.MedicalExpense;
import org.jingzhun.spi.policy.MedicalKind;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.policy.SimplePolicyPack;
import org.jingzhun.spi.policy.SupplementaryFacts;
import org.jingzhun.spi.policy.VocationalStudent;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 明白卡 of a demo-like Guichi household in 2016 under the real national and Anhui packs, built from stored records
 * (facts recorded through policies(), a loan issued and a payment booked through funds()) and checked against amounts
 * worked out by hand from REFERENCE §4.
 */
class BenefitStatementServiceTest {
    private static final RegionCode COUNTY = RegionCode.of("341702");
    private static final RegionCode TOWN = RegionCode.of("341702100000");
    private static final RegionCode VILLAGE = RegionCode.of("341702100201");
    private static final Principal OFFICE = Principal.officer("county-office", COUNTY);
    private static final Principal VIEWER = Principal.viewer("township-viewer", COUNTY);
    private static final LocalDate DAY = LocalDate.of(2016, 6, 1);

    private Jingzhun jz;
    private Household household;

    static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    static final CitizenId HEAD = id("19650302", 11);
    static final CitizenId SPOUSE = id("19670812", 22);
    static final CitizenId SON = id("19990815", 13);

    private Jingzhun start(Plugin... extra) {
        var b = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .plugin(new NationalPolicyPlugin()).plugin(new AnhuiPolicyPlugin())
                .clock(Clock.fixed(Instant.parse("2017-03-01T08:00:00Z"), ZoneOffset.UTC));
        for (Plugin p : extra) {
            b.plugin(p);
        }
        return b.build();
    }

    @BeforeEach
    void setUp() {
        jz = start();
        record(jz);
    }

    private void record(Jingzhun j) {
        j.regions().define(OFFICE, List.of(new Region(COUNTY, "贵池区", 537_000, false),
                new Region(TOWN, "梅街镇", 30_000, false), new Region(VILLAGE, "刘街村", 2_400, true)), "2014");
        household = j.registry().register(OFFICE, Household.builder().region(VILLAGE).mainCause(PovertyCause.ILLNESS)
                .members(List.of(Member.of("张大山", HEAD, Relationship.HEAD),
                        Member.of("李秀英", SPOUSE, Relationship.SPOUSE).withHealth(HealthStatus.CHRONIC_ILLNESS),
                        Member.of("张小军", SON, Relationship.SON)
                                .withStudentStatus(StudentStatus.SECONDARY_VOCATIONAL)))
                .build(), "2014 baseline");
        j.policies().recordFacts(OFFICE, household.id(), 2016, SupplementaryFacts.none()
                .withMedical(List.of(
                        new MedicalExpense(HEAD, MedicalKind.INPATIENT, HospitalLevel.COUNTY, new BigDecimal("20000"),
                                new BigDecimal("14000")),
                        new MedicalExpense(HEAD, MedicalKind.INPATIENT, HospitalLevel.PREFECTURE,
                                new BigDecimal("30000"), new BigDecimal("21000")),
                        new MedicalExpense(SPOUSE, MedicalKind.CHRONIC_OUTPATIENT, HospitalLevel.COUNTY,
                                new BigDecimal("1000.05"), new BigDecimal("500"))))
                .withStudents(List.of(new VocationalStudent(SON, StudentStatus.SECONDARY_VOCATIONAL, 2))),
                "2016 年度医疗与就学信息");
        var funds = j.funds();
        RiskCompensationFund risk = funds.addRiskFund(OFFICE, new RiskCompensationFund(null, COUNTY,
                "贵池区扶贫小额信贷风险补偿金", "贵池农商行", new BigDecimal("0.80"), MicrocreditTerms.standard2016()),
                "agreement");
        funds.issueMicrocredit(OFFICE, Microcredit.of(household.id(), HEAD, risk.id(), new BigDecimal("50000"),
                new BigDecimal("0.0475"), LocalDate.of(2016, 7, 15), 36, LoanPurpose.BREEDING), "养牛");
        FundSource source = funds.addSource(OFFICE, FundSource.of(FundSourceKind.COUNTY_FISCAL, "池财农〔2016〕12号",
                2016, new BigDecimal("100000"), COUNTY, "区财政局", LocalDate.of(2016, 3, 1)), "2016");
        AidProject award = funds.addProject(OFFICE, AidProject.planned(VILLAGE, "产业奖补", ProjectCategory.INDUSTRY,
                2016, new BigDecimal("10000"), "区扶贫办", LocalDate.of(2016, 12, 31), List.of(household.id())),
                "plan");
        funds.allocate(OFFICE, new Allocation(source.id(), award.id(), new BigDecimal("10000"), DAY), "award");
        funds.disburse(OFFICE, Disbursement.of(award.id(), Payee.household(household.id()), new BigDecimal("2000"),
                LocalDate.of(2016, 11, 20), "养牛奖补"), "验收合格");
        AidProject finance = funds.addProject(OFFICE, AidProject.planned(COUNTY, "扶贫小额信贷贴息",
                ProjectCategory.FINANCE, 2016, new BigDecimal("50000"), "区扶贫办", LocalDate.of(2016, 12, 31),
                List.of()), "plan");
        funds.allocate(OFFICE, new Allocation(source.id(), finance.id(), new BigDecimal("50000"), DAY), "贴息");
        funds.payInterestSubsidy(OFFICE, funds.microcredits(OFFICE, COUNTY).get(0).loan().id(), 2016, finance.id(),
                LocalDate.of(2016, 12, 20), "2016 年度贴息");
    }

    @AfterEach
    void tearDown() {
        jz.close();
    }

    private static BenefitLine line(BenefitStatement s, String policy) {
        return java.util.stream.Stream.of(s.enjoyed(), s.notEnjoyed(), s.failed()).flatMap(List::stream)
                .filter(l -> l.policy().equals(policy)).findFirst().orElseThrow();
    }

    @Test
    void amountsDueAndPaidMatchTheHandWorkedCard() {
        BenefitStatement s = jz.benefits().statement(OFFICE, household.id(), 2016, MaskingProfile.SCREEN);

        // "351": out of pocket 6,000 (county) + 9,000 (prefecture) = 15,000 above the prefecture cap 5,000 → 10,000.
        assertThat(line(s, "anhui.health.351").value()).isEqualByComparingTo("10000.00");
        // "180": (1,000.05 − 500) × 80% = 400.04.
        assertThat(line(s, "anhui.health.180").value()).isEqualByComparingTo("400.04");
        // Yulu: 2 semesters × 1,500 = 3,000.
        assertThat(line(s, "anhui.yulu").value()).isEqualByComparingTo("3000.00");
        // Loan issued through funds: 50,000 × 4.75% (3-year benchmark) × 170/365 (15 July to 31 December 2016).
        BenefitLine subsidy = line(s, "anhui.microloan.interest");
        assertThat(subsidy.value()).isEqualByComparingTo("1106.16");
        assertThat(subsidy.amount().explanation().parts()).singleElement()
                .satisfies(p -> assertThat(p.basis()).isEqualTo("50000.00 × 4.75% × 100% × 170/365"));
        assertThat(s.enjoyed()).extracting(BenefitLine::policy).containsExactly("anhui.health.351",
                "anhui.health.180", "anhui.yulu", "anhui.microloan.interest");
        assertThat(s.totalDue()).isEqualByComparingTo("14506.20");
        // No verified output: the award is not enjoyed, with the reason.
        assertThat(s.notEnjoyed()).singleElement().satisfies(l -> {
            assertThat(l.policy()).isEqualTo("anhui.output-award");
            assertThat(l.amount().explanation().result()).isEqualTo("不享受：无验收产业");
        });
        assertThat(s.failed()).isEmpty();
        // Money the ledger paid beside the amounts due: the award to the household and the subsidy to its lender.
        assertThat(s.paid()).extracting(p -> p.purpose()).containsExactly("养牛奖补",
                "贷款贴息 2016 anhui/anhui.microloan.interest");
        assertThat(s.totalPaid()).isEqualByComparingTo("3106.16");
        // The same subsidy funds() reports: one implementation.
        assertThat(jz.funds().household(OFFICE, household.id(), 2016).subsidies()).singleElement()
                .satisfies(x -> assertThat(x.subsidy()).isEqualByComparingTo(subsidy.value()))
                .satisfies(x -> assertThat(x.explanation().parts().get(0).basis())
                        .isEqualTo(subsidy.amount().explanation().parts().get(0).basis()));

        assertThat(s.headId()).isEqualTo(HEAD.masked());
        assertThat(s.toText()).contains("扶贫政策明白卡 2016", "健康脱贫“351”兜底  10000.00 元", "应享受合计: 14506.20 元",
                "已到户合计: 3106.16 元", "不享受的政策及原因", "产业发展以奖代补: 不享受：无验收产业", "2016-11-20 产业奖补 养牛奖补: 2000.00 元",
                "身份证号: " + HEAD.masked()).doesNotContain(HEAD.value());
        assertThat(s.toText(Locale.ENGLISH)).contains("Benefit statement 2016", "Total due: 14506.20 yuan",
                "Total paid: 3106.16 yuan", "Policies not enjoyed and why", "Status: not exited");
    }

    @Test
    void personalDataFollowsTheCallersProfile() {
        BenefitStatement full = jz.benefits().statement(OFFICE, household.id(), 2016);
        assertThat(full.profile()).isEqualTo(MaskingProfile.FULL);
        assertThat(full.headId()).isEqualTo(HEAD.value());
        assertThat(jz.registry().history(OFFICE, household.id()).stream()
                .anyMatch(h -> h.action().equals("read-personal-data"))).isFalse();

        BenefitStatement viewer = jz.benefits().statement(VIEWER, household.id(), 2016);
        assertThat(viewer.profile()).isEqualTo(MaskingProfile.SCREEN);
        assertThat(viewer.headId()).isEqualTo(HEAD.masked());
        assertThat(viewer.toHtml(Locale.SIMPLIFIED_CHINESE)).doesNotContain(HEAD.value(), SON.value(),
                SPOUSE.value());

        BenefitStatement notice = jz.benefits().statement(OFFICE, household.id(), 2016, MaskingProfile.PUBLIC_NOTICE);
        assertThat(notice.headId()).isNull();
        assertThat(notice.toText()).contains("身份证号: —").doesNotContain(HEAD.value(), HEAD.masked());
    }

    @Test
    void theHtmlFormIsAPrintableDocumentWithEveryTextEscaped() {
        String html = jz.benefits().statement(OFFICE, household.id(), 2016, MaskingProfile.SCREEN)
                .toHtml(Locale.SIMPLIFIED_CHINESE);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">", "扶贫政策明白卡 2016",
                "健康脱贫“351”兜底", "10000.00", "14506.20", "不享受：无验收产业", "</html>");
        assertThat(jz.benefits().statement(OFFICE, household.id(), 2016, MaskingProfile.SCREEN)
                .toHtml(Locale.ENGLISH)).contains("<html lang=\"en\">", "Benefit statement 2016");

        PolicyPack hostile = SimplePolicyPack.builder("hostile<pack>", RegionScope.ofPrefix("341702"),
                EffectivePeriod.from(LocalDate.of(2016, 1, 1))).benefit(new BenefitRule() {
                    @Override
                    public String policy() {
                        return "x.script";
                    }

                    @Override
                    public String title() {
                        return "<script>alert(1)</script>";
                    }

                    @Override
                    public BenefitAmount compute(HouseholdFacts f) {
                        return new BenefitAmount("x.script", title(), new BigDecimal("1.00"),
                                new org.jingzhun.spi.policy.Explanation("hostile<pack>", "x.script",
                                        java.util.Map.of("a&b", "\"q\""), java.util.Map.of("i", "'"),
                                        "<img src=x onerror=alert(1)>", List.of(new org.jingzhun.spi.policy
                                                .ExplanationPart("<blink>", new BigDecimal("1.00"), "<marquee>"))));
                    }
                }).build();
        try (Jingzhun j = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .plugin(new NationalPolicyPlugin()).plugin(new AnhuiPolicyPlugin()).policyPack(hostile)
                .clock(Clock.fixed(Instant.parse("2017-03-01T08:00:00Z"), ZoneOffset.UTC)).build()) {
            record(j);
            String escaped = j.benefits().statement(OFFICE, household.id(), 2016).toHtml(Locale.SIMPLIFIED_CHINESE);
            assertThat(escaped).doesNotContain("<script>", "<img", "<blink>", "<marquee>", "hostile<pack>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                            "a&amp;b=&quot;q&quot;", "i=&#39;", "hostile&lt;pack&gt;", "&lt;blink&gt;", "&lt;marquee&gt;");
        }
    }

    @Test
    void aFailingCountyRuleIsMarkedAndTheOtherLinesStay() {
        Plugin broken = new Plugin() {
            @Override
            public String name() {
                return "county-broken";
            }

            @Override
            public int spiVersion() {
                return Plugin.SPI_VERSION;
            }

            @Override
            public List<PolicyPack> policyPacks() {
                return List.of(SimplePolicyPack.builder("county-2016", RegionScope.ofPrefix("341702"),
                        EffectivePeriod.from(LocalDate.of(2016, 1, 1))).benefit(new BenefitRule() {
                            @Override
                            public String policy() {
                                return "county.heating";
                            }

                            @Override
                            public String title() {
                                return "冬季取暖补贴";
                            }

                            @Override
                            public BenefitAmount compute(HouseholdFacts f) {
                                throw new ArithmeticException("/ by zero");
                            }
                        }).build());
            }
        };
        try (Jingzhun j = start(broken)) {
            record(j);
            BenefitStatement s = j.benefits().statement(OFFICE, household.id(), 2016);
            assertThat(s.failed()).singleElement().satisfies(l -> {
                assertThat(l.failure().plugin()).isEqualTo("county-broken");
                assertThat(l.failure().pack()).isEqualTo("county-2016");
                assertThat(l.failure().rule()).isEqualTo("county.heating");
                assertThat(l.failure().householdId()).isEqualTo(household.id());
            });
            assertThat(s.totalDue()).isEqualByComparingTo("14506.20");
            assertThat(s.toText()).contains("未能计算的政策", "冬季取暖补贴: 规则执行失败 (county-broken / county-2016 / "
                    + "county.heating)");
            assertThat(j.benefits().statements(OFFICE, List.of(household.id(), household.id()), 2016))
                    .hasSize(2).allSatisfy(x -> assertThat(x.failed()).hasSize(1));
            assertThat(j.policies().benefits(OFFICE, household.id(), 2016)).filteredOn(BenefitLine::failed)
                    .hasSize(1);
            // A village in bulk: the failure is reported per household and every household still gets its lines.
            Household second = j.registry().register(OFFICE, Household.builder().region(VILLAGE)
                    .mainCause(PovertyCause.LACK_OF_CAPITAL).members(List.of(Member.of("王五", id("19700101", 31),
                            Relationship.HEAD))).build(), "2014 baseline");
            org.jingzhun.core.policy.BulkBenefits bulk = j.policies().benefitsWithin(VIEWER, VILLAGE, 2016);
            assertThat(bulk.byHousehold()).containsOnlyKeys(household.id(), second.id());
            assertThat(bulk.failures()).extracting(f -> f.householdId())
                    .containsExactlyInAnyOrder(household.id(), second.id());
            assertThat(bulk.byHousehold().get(household.id())).filteredOn(BenefitLine::enjoyed)
                    .extracting(BenefitLine::policy).contains("anhui.microloan.interest", "anhui.health.351");
            // Rules wrote redacted IDs only; nothing unmasked reaches a viewer.
            assertThat(bulk.byHousehold().get(household.id()).toString()).doesNotContain(HEAD.value(),
                    SPOUSE.value(), SON.value());
        }
    }

    @Test
    void yuluStudentsEnrolledThroughTrainingReachTheAnhuiSubsidy() {
        BigDecimal perSemester = org.jingzhun.policy.anhui.AnhuiPolicyConfig.defaults().yuluPerSemester();
        jz.policies().recordFacts(OFFICE, household.id(), 2016, SupplementaryFacts.none()
                .withStudents(List.of(new VocationalStudent(SON, StudentStatus.SECONDARY_VOCATIONAL, 1))), "仅一学期");
        assertThat(yulu(jz.benefits().statement(OFFICE, household.id(), 2016)))
                .isEqualByComparingTo(perSemester);

        org.jingzhun.core.training.Course course = jz.training().createCourse(OFFICE,
                new org.jingzhun.core.training.Course(null, TOWN, 2016, org.jingzhun.core.training.TrainingKind.YULU,
                        "2016年雨露计划中职学生", "区扶贫办", 60, LocalDate.of(2016, 3, 1), null), "年度计划");
        jz.training().enrol(OFFICE, course.id(), household.id(), SON, StudentStatus.SECONDARY_VOCATIONAL, 2, "中职");

        // The enrolment replaces the recorded student of the same ID: two semesters, on the card and in bulk.
        BigDecimal two = perSemester.multiply(BigDecimal.valueOf(2));
        assertThat(yulu(jz.benefits().statement(OFFICE, household.id(), 2016))).isEqualByComparingTo(two);
        assertThat(jz.policies().benefitsWithin(OFFICE, VILLAGE, 2016).byHousehold().get(household.id()))
                .filteredOn(l -> l.policy().equals("anhui.yulu")).singleElement()
                .satisfies(l -> assertThat(l.amount().amount()).isEqualByComparingTo(two));
        assertThat(yulu(jz.benefits().statement(OFFICE, household.id(), 2017))).as("not enrolled in 2017")
                .isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static BigDecimal yulu(BenefitStatement s) {
        return s.enjoyed().stream().filter(l -> l.policy().equals("anhui.yulu"))
                .map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
