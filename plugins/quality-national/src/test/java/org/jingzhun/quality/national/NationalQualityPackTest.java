package org.jingzhun.quality.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.LandHolding;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.quality.MonitoringFact;
import org.jingzhun.spi.quality.PairingFact;
import org.jingzhun.spi.quality.QualityFacts;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityPackConfig;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.testkit.SampleData;
import org.jingzhun.testkit.quality.AbstractQualityPackContractTest;
import org.jingzhun.testkit.quality.QualityFixture;
import org.junit.jupiter.api.Test;

/**
 * The national pack against the quality-pack contract: one clean household of four (head, spouse, a son in grade 8,
 * a pre-school daughter; paired, surveyed for 2020) and, for each of its rules, that household changed just enough
 * to trip the rule, with a near miss where the boundary matters.
 */
class NationalQualityPackTest extends AbstractQualityPackContractTest {
    private static final int YEAR = 2020;
    private static final RegionCode VILLAGE = SampleData.VILLAGE_A1;
    private static int seq = 100;

    @Override
    protected QualityPack pack() {
        return NationalQualityPlugin.pack(QualityPackConfig.defaults());
    }

    @Override
    protected QualityPack pack(QualityPackConfig config) {
        return NationalQualityPlugin.pack(config);
    }

    private static CitizenId id(LocalDate birth, boolean male) {
        int s = seq++ * 2 % 1000 + (male ? 1 : 0);
        return SampleData.citizenId("341702", birth, s);
    }

    private static Member person(String name, Relationship rel, LocalDate birth, boolean male) {
        return new Member(name, id(birth, male), rel, "01", Education.JUNIOR_SECONDARY, StudentStatus.NOT_STUDENT,
                HealthStatus.HEALTHY, LabourAbility.ORDINARY, MigrantWork.NONE, 0, Set.of(Insurance.RURAL_MEDICAL),
                false);
    }

    private static final Member HEAD = person("汪国华", Relationship.HEAD, LocalDate.of(1970, 3, 1), true)
            .withLabour(LabourAbility.ORDINARY, MigrantWork.WITHIN_PROVINCE, 8);
    private static final Member SPOUSE = person("章桂英", Relationship.SPOUSE, LocalDate.of(1972, 5, 2), false);
    private static final Member SON = new Member("汪志强", id(LocalDate.of(2008, 2, 3), true), Relationship.SON, "01",
            Education.PRIMARY, StudentStatus.GRADE_7_9, HealthStatus.HEALTHY, LabourAbility.NONE, MigrantWork.NONE, 0,
            Set.of(Insurance.RURAL_MEDICAL), false);
    private static final Member DAUGHTER = new Member("汪小雨", id(LocalDate.of(2016, 4, 5), false),
            Relationship.DAUGHTER, "01", Education.PRE_SCHOOL, StudentStatus.PRE_SCHOOL, HealthStatus.HEALTHY,
            LabourAbility.NONE, MigrantWork.NONE, 0, Set.of(Insurance.RURAL_MEDICAL), false);

    private static Household.Builder base(String householdId) {
        return Household.builder().id(householdId).region(VILLAGE).villageGroup("三组")
                .address("梅街镇刘街村三组18号").phone("13905661234").bank("池州农村商业银行", "6230901234567890123")
                .type(HouseholdType.GENERAL_POOR).mainCause(PovertyCause.LACK_OF_SKILLS).status(PovertyStatus.NOT_EXITED)
                .identifiedYear(2014)
                .housing(new Housing(new BigDecimal("80.00"), HousingStructure.BRICK_CONCRETE, 2000,
                        HousingSafety.SAFE))
                .land(new LandHolding(new BigDecimal("2.00"), new BigDecimal("1.00"), new BigDecimal("5.00")))
                .members(List.of(HEAD, SPOUSE, SON, DAUGHTER));
    }

    private static IncomeStatement income(int year, String wages, String production, String costs, int size,
            Map<IncomeItem, String> more) {
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        items.put(IncomeItem.WAGES, new BigDecimal(wages));
        items.put(IncomeItem.PRODUCTION, new BigDecimal(production));
        more.forEach((k, v) -> items.put(k, new BigDecimal(v)));
        return new IncomeStatement("341702-00000001", year, items, new BigDecimal(costs), size, 0);
    }

    private static final IncomeStatement INCOME = income(YEAR, "18000.00", "3000.00", "1000.00", 4, Map.of());
    private static final PairingFact CADRE = new PairingFact("C-0001", LocalDate.of(2015, 1, 1), null);

    @Override
    protected QualityFacts clean() {
        return new QualityFacts(base("341702-00000001").build(), YEAR, INCOME, List.of(), List.of(CADRE),
                LocalDate.of(YEAR, 12, 31), null);
    }

    private QualityFacts hh(UnaryOperator<Household.Builder> change) {
        return clean().withHousehold(change.apply(base("341702-00000001")).build());
    }

    /** The clean household with member {@code index} replaced. */
    private QualityFacts member(int index, UnaryOperator<Member> change) {
        List<Member> ms = new ArrayList<>(List.of(HEAD, SPOUSE, SON, DAUGHTER));
        ms.set(index, change.apply(ms.get(index)));
        return hh(b -> b.members(ms));
    }

    private QualityFacts plus(Member extra) {
        return hh(b -> b.addMember(extra));
    }

    private QualityFacts withIncome(IncomeStatement s) {
        return clean().withIncome(s);
    }

    private static Member with(Member m, Relationship rel) {
        return new Member(m.name(), m.citizenId(), rel, m.ethnicity(), m.education(), m.studentStatus(), m.health(),
                m.labourAbility(), m.migrantWork(), m.monthsWorked(), m.insurances(), m.servingSoldier());
    }

    private static Member born(Member m, LocalDate birth, boolean male) {
        return new Member(m.name(), id(birth, male), m.relationship(), m.ethnicity(), m.education(),
                m.studentStatus(), m.health(), m.labourAbility(), m.migrantWork(), m.monthsWorked(), m.insurances(),
                m.servingSoldier());
    }

    private static Member education(Member m, Education e) {
        return new Member(m.name(), m.citizenId(), m.relationship(), m.ethnicity(), e, m.studentStatus(), m.health(),
                m.labourAbility(), m.migrantWork(), m.monthsWorked(), m.insurances(), m.servingSoldier());
    }

    private static Member insured(Member m, Set<Insurance> ins) {
        return new Member(m.name(), m.citizenId(), m.relationship(), m.ethnicity(), m.education(), m.studentStatus(),
                m.health(), m.labourAbility(), m.migrantWork(), m.monthsWorked(), ins, m.servingSoldier());
    }

    private static Member soldier(Member m) {
        return new Member(m.name(), m.citizenId(), m.relationship(), m.ethnicity(), m.education(), m.studentStatus(),
                m.health(), m.labourAbility(), m.migrantWork(), m.monthsWorked(), m.insurances(), true);
    }

    private QualityFacts monitored(PovertyStatus status, MonitoringFact m) {
        return hh(b -> b.status(status)).withMonitoring(List.of(m));
    }

    private static MonitoringFact monitoring(LocalDate from, LocalDate cleared) {
        return new MonitoringFact("341702-00000001.2020", MonitoringCategory.UNSTABLE_EXITED, from, cleared);
    }

    private static Household other(String id, UnaryOperator<Household.Builder> change) {
        Member stranger = person("吴德明", Relationship.HEAD, LocalDate.of(1960, 1, 1), true);
        return change.apply(base(id).members(List.of(stranger))).build();
    }

    @Override
    protected Map<String, QualityFixture> fixtures() {
        Map<String, QualityFixture> f = new LinkedHashMap<>();
        f.put("HH01", QualityFixture.trips(hh(b -> b.villageGroup(null))));
        f.put("HH02", QualityFixture.trips(hh(b -> b.phone(null))));
        f.put("HH03", QualityFixture.trips(hh(b -> b.phone("1390566123"))).passes(hh(b -> b.phone("0566-2345678"))));
        f.put("HH04", QualityFixture.trips(hh(b -> b.bank(null, null))));
        f.put("HH05", QualityFixture.trips(hh(b -> b.bank("农商行", "123456789")))
                .passes(hh(b -> b.bank("农商行", "6230901234567890"))));
        f.put("HH06", QualityFixture.trips(hh(b -> b.bank(null, "6230901234567890123"))));
        f.put("HH07", QualityFixture.trips(hh(b -> b.identifiedYear(2012))));
        f.put("HH08", QualityFixture.trips(hh(b -> b.identifiedYear(2021))));
        f.put("HH09", QualityFixture.trips(member(0, m -> with(m, Relationship.BROTHER))));
        f.put("HH10", QualityFixture.trips(member(1, m -> with(m, Relationship.HEAD))));
        f.put("HH11", QualityFixture.trips(member(0, m -> born(m, LocalDate.of(2006, 1, 1), true))));
        f.put("HH12", QualityFixture.trips(member(3, m -> with(m, Relationship.SPOUSE))));
        f.put("HH13", QualityFixture.trips(member(1, m -> born(m, LocalDate.of(1972, 5, 2), true))));
        f.put("HH14", QualityFixture.trips(hh(b -> b.housing(null))));
        f.put("HH15", QualityFixture.trips(hh(b -> b.status(PovertyStatus.EXITED).housing(new Housing(
                new BigDecimal("60.00"), HousingStructure.EARTH_WOOD, 1980, HousingSafety.C_LEVEL))))
                .passes(hh(b -> b.status(PovertyStatus.EXITED))));
        f.put("HH16", QualityFixture.trips(hh(b -> b.status(PovertyStatus.EXITED).safeDrinkingWater(false))));
        f.put("HH17", QualityFixture.trips(hh(b -> b.mainCause(PovertyCause.ILLNESS)))
                .passes(member(1, m -> m.withHealth(HealthStatus.CHRONIC_ILLNESS)).withHousehold(base("341702-00000001")
                        .mainCause(PovertyCause.ILLNESS).members(List.of(HEAD,
                                SPOUSE.withHealth(HealthStatus.CHRONIC_ILLNESS), SON, DAUGHTER)).build())));
        f.put("HH18", QualityFixture.trips(hh(b -> b.mainCause(PovertyCause.DISABILITY))));
        f.put("HH19", QualityFixture.trips(hh(b -> b.mainCause(PovertyCause.SCHOOLING).members(List.of(HEAD, SPOUSE))))
                .passes(hh(b -> b.mainCause(PovertyCause.SCHOOLING))));
        f.put("HH20", QualityFixture.trips(hh(b -> b.mainCause(PovertyCause.LACK_OF_LABOUR)))
                .passes(hh(b -> b.mainCause(PovertyCause.LACK_OF_LABOUR).members(List.of(HEAD,
                        SPOUSE.withLabour(LabourAbility.LOST, MigrantWork.NONE, 0), SON, DAUGHTER)))));
        List<Member> many = new ArrayList<>(List.of(HEAD, SPOUSE, SON, DAUGHTER));
        for (int i = 0; i < 7; i++) {
            many.add(person("汪" + i, i % 2 == 0 ? Relationship.SON : Relationship.DAUGHTER,
                    LocalDate.of(1994 + i, 1, 1), i % 2 == 0));
        }
        f.put("HH21", QualityFixture.trips(hh(b -> b.members(many))));
        f.put("HH22", QualityFixture.trips(clean()).withBatch(List.of(other("341702-00000002", b -> b),
                other("341702-00000003", b -> b), other("341702-00000004", b -> b)))
                .passes(hh(b -> b.phone("13905669999"))));
        f.put("HH23", QualityFixture.trips(hh(b -> b.status(PovertyStatus.NON_POOR))));
        f.put("HH24", QualityFixture.trips(hh(b -> b.flags(Set.of(HouseholdFlag.TWO_DAUGHTERS)))));
        f.put("HH25", QualityFixture.trips(hh(b -> b.flags(Set.of(HouseholdFlag.ONE_CHILD))))
                .passes(hh(b -> b.flags(Set.of(HouseholdFlag.ONE_CHILD)).members(List.of(HEAD, SPOUSE, SON)))
                        .withIncome(income(YEAR, "18000.00", "3000.00", "1000.00", 3, Map.of()))));
        f.put("HH26", QualityFixture.trips(hh(b -> b.mutualAid(true, null)))
                .passes(hh(b -> b.mutualAid(true, new BigDecimal("1000.00")))));
        f.put("HH27", QualityFixture.trips(hh(b -> b.land(new LandHolding(new BigDecimal("2.00"),
                new BigDecimal("3.00"), BigDecimal.ZERO)))));
        f.put("HH28", QualityFixture.trips(hh(b -> b.address(null))));
        f.put("HH29", QualityFixture.trips(hh(b -> b.type(HouseholdType.FIVE_GUARANTEES))));

        f.put("MB01", QualityFixture.trips(plus(with(SPOUSE, Relationship.SISTER))));
        f.put("MB02", QualityFixture.trips(clean()).withBatch(List.of(other("341702-00000009",
                b -> b.phone("13800000000").members(List.of(with(SPOUSE, Relationship.HEAD))))))
                .passes(member(1, m -> born(m, LocalDate.of(1972, 5, 2), false))));
        f.put("MB03", QualityFixture.trips(member(2, m -> m.withLabour(LabourAbility.ORDINARY, MigrantWork.NONE, 0))));
        f.put("MB04", QualityFixture.trips(member(0, m -> born(m, LocalDate.of(1958, 1, 1), true)))
                .passes(member(0, m -> born(m, LocalDate.of(1962, 1, 1), true))));
        f.put("MB05", QualityFixture.trips(member(0, m -> born(m, LocalDate.of(1940, 1, 1), true))));
        f.put("MB06", QualityFixture.trips(member(2, m -> m.withStudentStatus(StudentStatus.NOT_STUDENT)))
                .passes(member(2, m -> born(m, LocalDate.of(2004, 8, 31), true)
                        .withStudentStatus(StudentStatus.NOT_STUDENT))));
        f.put("MB07", QualityFixture.trips(member(2, m -> m.withStudentStatus(StudentStatus.COLLEGE))));
        f.put("MB08", QualityFixture.trips(member(0, m -> education(m, Education.PRE_SCHOOL))));
        f.put("MB09", QualityFixture.trips(member(2, m -> education(m, Education.COLLEGE))));
        f.put("MB10", QualityFixture.trips(member(1, m -> m.withLabour(LabourAbility.ORDINARY, MigrantWork.NONE, 3))));
        f.put("MB11", QualityFixture.trips(member(1, m -> m.withLabour(LabourAbility.ORDINARY,
                MigrantWork.WITHIN_COUNTY, 0))));
        f.put("MB12", QualityFixture.trips(member(1, m -> m.withLabour(LabourAbility.LOST,
                MigrantWork.WITHIN_COUNTY, 5))));
        f.put("MB13", QualityFixture.trips(member(3, m -> insured(m, Set.of()))));
        f.put("MB14", QualityFixture.trips(member(1, m -> m.withHealth(HealthStatus.SERIOUS_ILLNESS)))
                .passes(member(1, m -> insured(m.withHealth(HealthStatus.SERIOUS_ILLNESS),
                        Set.of(Insurance.RURAL_MEDICAL, Insurance.SERIOUS_ILLNESS)))));
        f.put("MB15", QualityFixture.trips(member(1, m -> m.withHealth(HealthStatus.DISABLED)
                .withLabour(LabourAbility.SKILLED, MigrantWork.NONE, 0))));
        f.put("MB16", QualityFixture.trips(member(2, m -> born(m, LocalDate.of(1980, 1, 1), true)
                .withStudentStatus(StudentStatus.NOT_STUDENT))));
        f.put("MB17", QualityFixture.trips(plus(person("汪德明", Relationship.FATHER, LocalDate.of(1960, 1, 1), true)
                .withLabour(LabourAbility.LOST, MigrantWork.NONE, 0))));
        f.put("MB18", QualityFixture.trips(plus(person("汪小明", Relationship.GRANDSON, LocalDate.of(1995, 1, 1),
                true))));
        f.put("MB19", QualityFixture.trips(member(1, m -> born(m, LocalDate.of(1935, 1, 1), false)
                .withLabour(LabourAbility.LOST, MigrantWork.NONE, 0))));
        f.put("MB20", QualityFixture.trips(plus(person("汪老太", Relationship.MOTHER, LocalDate.of(1905, 1, 1), false)
                .withLabour(LabourAbility.LOST, MigrantWork.NONE, 0))));
        f.put("MB21", QualityFixture.trips(member(2, NationalQualityPackTest::soldier)));
        f.put("MB22", QualityFixture.trips(member(0, NationalQualityPackTest::soldier))
                .passes(member(1, NationalQualityPackTest::soldier)));
        f.put("MB23", QualityFixture.trips(member(1, m -> new Member(m.name(),
                SampleData.citizenId("110101", LocalDate.of(1972, 5, 2), 22), m.relationship(), m.ethnicity(),
                m.education(), m.studentStatus(), m.health(), m.labourAbility(), m.migrantWork(), m.monthsWorked(),
                m.insurances(), m.servingSoldier()))));

        f.put("IN01", QualityFixture.trips(withIncome(null)).passes(hh(b -> b.status(PovertyStatus.EXITED))));
        f.put("IN02", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "30000.00", 4, Map.of()))));
        f.put("IN03", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "1000.00", 3, Map.of()))));
        f.put("IN04", QualityFixture.trips(withIncome(income(YEAR, "60000.00", "3000.00", "1000.00", 4, Map.of())))
                .passes(hh(b -> b.status(PovertyStatus.EXITED)).withIncome(income(YEAR, "60000.00", "3000.00",
                        "1000.00", 4, Map.of()))));
        f.put("IN05", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "4000.00", 4, Map.of()))));
        f.put("IN06", QualityFixture.trips(withIncome(income(YEAR - 1, "18000.00", "3000.00", "1000.00", 4,
                Map.of()))));
        f.put("IN07", QualityFixture.trips(hh(b -> b.members(List.of(
                HEAD.withLabour(LabourAbility.LOST, MigrantWork.NONE, 0),
                SPOUSE.withLabour(LabourAbility.LOST, MigrantWork.NONE, 0), SON, DAUGHTER)))));
        f.put("IN08", QualityFixture.trips(withIncome(income(YEAR, "0.00", "19000.00", "1000.00", 4, Map.of()))));
        f.put("IN09", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "1000.00", 4,
                Map.of(IncomeItem.LOW_ALLOWANCE, "1000.00")))));
        f.put("IN10", QualityFixture.trips(hh(b -> b.type(HouseholdType.LOW_ALLOWANCE_POOR)))
                .passes(hh(b -> b.type(HouseholdType.LOW_ALLOWANCE_POOR)).withIncome(income(YEAR, "18000.00",
                        "3000.00", "1000.00", 4, Map.of(IncomeItem.LOW_ALLOWANCE, "1000.00")))));
        f.put("IN11", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "1000.00", 4,
                Map.of(IncomeItem.FIVE_GUARANTEES, "1000.00")))));
        f.put("IN12", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "1000.00", 4,
                Map.of(IncomeItem.PENSION, "1000.00")))));
        f.put("IN13", QualityFixture.trips(withIncome(income(YEAR, "18000.00", "3000.00", "1000.00", 4,
                Map.of(IncomeItem.YULU_GRANT, "3000.00")))));
        f.put("IN14", QualityFixture.trips(hh(b -> b.status(PovertyStatus.EXITED)).withIncome(income(YEAR,
                "10000.00", "3000.00", "1000.00", 4, Map.of()))).passes(hh(b -> b.status(PovertyStatus.EXITED))));

        LocalDate march = LocalDate.of(YEAR, 3, 1);
        IncomeStatement aboveLine = income(YEAR, "30000.00", "3000.00", "1000.00", 4, Map.of());
        f.put("MN01", QualityFixture.trips(monitored(PovertyStatus.EXITED, monitoring(march, LocalDate.of(YEAR, 6, 1))))
                .passes(monitored(PovertyStatus.EXITED, monitoring(march, LocalDate.of(YEAR, 10, 1)))));
        f.put("MN02", QualityFixture.trips(monitored(PovertyStatus.EXITED, monitoring(march, LocalDate.of(YEAR, 10, 1))))
                .passes(monitored(PovertyStatus.EXITED, monitoring(march, LocalDate.of(YEAR, 10, 1)))
                        .withIncome(aboveLine)));
        f.put("MN03", QualityFixture.trips(monitored(PovertyStatus.EXITED, monitoring(march, null))
                .withPairings(List.of())).passes(monitored(PovertyStatus.EXITED, monitoring(march, null))));
        f.put("MN04", QualityFixture.trips(monitored(PovertyStatus.NOT_EXITED, monitoring(march, null))));
        f.put("MN05", QualityFixture.trips(monitored(PovertyStatus.EXITED, monitoring(march,
                LocalDate.of(YEAR, 2, 1)))));
        f.put("MN06", QualityFixture.trips(monitored(PovertyStatus.EXITED, monitoring(LocalDate.of(2017, 1, 1), null)))
                .passes(monitored(PovertyStatus.EXITED, monitoring(LocalDate.of(2018, 1, 1), null))));

        f.put("PR01", QualityFixture.trips(clean().withPairings(List.of()))
                .passes(hh(b -> b.status(PovertyStatus.EXITED)).withPairings(List.of())));
        f.put("PR02", QualityFixture.trips(clean().withPairings(List.of(CADRE,
                new PairingFact("C-0002", LocalDate.of(2016, 1, 1), LocalDate.of(2015, 12, 31))))));
        f.put("PR03", QualityFixture.trips(clean().withPairings(List.of(CADRE,
                new PairingFact("C-0002", LocalDate.of(2016, 1, 1), null))))
                .passes(clean().withPairings(List.of(new PairingFact("C-0002", LocalDate.of(2014, 6, 1),
                        LocalDate.of(2014, 12, 31)), CADRE))));
        f.put("PR04", QualityFixture.trips(clean().withPairings(List.of(new PairingFact("C-0001",
                LocalDate.of(2013, 6, 1), null)))));
        return f;
    }

    @Test
    void shipsAtLeastFortyRulesOverEveryKindOfRecord() {
        QualityPack p = pack();
        assertThat(p.rules()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(p.rules().stream().map(r -> r.record()).distinct())
                .containsExactlyInAnyOrder(org.jingzhun.spi.quality.RecordKind.values());
    }

    @Test
    void schoolAgeIsAParameter() {
        QualityFacts fiveOnFirstSeptember = member(2, m -> born(m, LocalDate.of(2015, 8, 1), true)
                .withStudentStatus(StudentStatus.NOT_STUDENT));
        assertThat(check(pack(), fiveOnFirstSeptember, List.of())).noneMatch(f -> f.rule().equals("MB06"));
        QualityPack fromFive = pack(QualityPackConfig.defaults().withParameter("schoolAgeFrom", "5"));
        assertThat(check(fromFive, fiveOnFirstSeptember, List.of())).anyMatch(f -> f.rule().equals("MB06"));
    }

    @Test
    void aRuleThatThrowsIsReportedAndTheOthersStillRun() {
        // The national rules guard their nulls, so a pack of their shape with one rule that throws stands in.
        QualityPack p = QualityPack.of("faulty", org.jingzhun.spi.policy.RegionScope.national(), List.of(),
                List.of(org.jingzhun.spi.quality.QualityRules.rule("X1", org.jingzhun.spi.quality.Severity.ERROR,
                                org.jingzhun.spi.quality.RecordKind.HOUSEHOLD).message("坏", "bad").fix("修", "fix")
                                .household("x", h -> null, (fx, params) -> {
                                    throw new IllegalStateException("boom");
                                }),
                        org.jingzhun.spi.quality.QualityRules.rule("X2", org.jingzhun.spi.quality.Severity.INFO,
                                org.jingzhun.spi.quality.RecordKind.HOUSEHOLD).message("总是", "always").fix("无", "none")
                                .household("y", h -> null, (fx, params) -> true)), null);
        var found = p.check(clean());
        assertThat(found).extracting(org.jingzhun.spi.quality.Finding::rule).containsExactly("X1", "X2");
        assertThat(found.get(0).failed()).isTrue();
        assertThat(found.get(0).args()).containsEntry("error", "IllegalStateException");
    }
}
