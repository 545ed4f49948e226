package org.jingzhun.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IdentificationStandard;
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
import org.jingzhun.spi.person.Sex;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * Valid sample records (示例数据) for tests: regions of Guichi district (341702) and a neighbouring county, households
 * with every card field filled in, income statements, documents and audit entries. Each instance hands out fresh,
 * unique household ids and citizen IDs (with correct check characters), so a test creates one {@code SampleData} and
 * asks it for as many records as it needs; two instances produce the same sequence, which keeps tests repeatable.
 * Every household passes the SPI's Bean Validation constraints and core's household rules (exactly one head, no
 * citizen ID twice, causes distinct). Amounts, areas and land are {@code BigDecimal} with scale 2.
 */
public final class SampleData {
    /** Guichi district (贵池区), Chizhou, Anhui. */
    public static final RegionCode COUNTY = RegionCode.of("341702");
    /** A town (镇) of the county. */
    public static final RegionCode TOWNSHIP_A = RegionCode.of("341702100");
    /** A first village of {@link #TOWNSHIP_A}. */
    public static final RegionCode VILLAGE_A1 = RegionCode.of("341702100201");
    /** A second village of {@link #TOWNSHIP_A}. */
    public static final RegionCode VILLAGE_A2 = RegionCode.of("341702100202");
    /** A township (乡) of the county. */
    public static final RegionCode TOWNSHIP_B = RegionCode.of("341702200");
    /** A village of {@link #TOWNSHIP_B}. */
    public static final RegionCode VILLAGE_B1 = RegionCode.of("341702200201");
    /** Dongzhi county (东至县), same prefecture: for checks that queries stay inside their county. */
    public static final RegionCode OTHER_COUNTY = RegionCode.of("341721");
    /** A village of {@link #OTHER_COUNTY}. */
    public static final RegionCode OTHER_COUNTY_VILLAGE = RegionCode.of("341721100201");
    /** Chizhou prefecture (池州市), which contains both counties. */
    public static final RegionCode PREFECTURE = RegionCode.of("341700");

    private static final String[] SURNAMES = {"汪", "章", "王", "吴", "刘", "陈", "柯", "桂", "方", "檀"};
    private static final String[] GIVEN = {"国华", "桂英", "志强", "春花", "德明", "秀兰", "建军", "玉梅", "有才", "小燕"};
    private static final Instant AUDIT_EPOCH = Instant.parse("2016-03-01T08:30:00.123456Z");

    private int nextHousehold = 1;
    private int nextPerson = 1;
    private int nextDocument = 1;
    private int nextAudit = 1;

    /** The areas behind the region constants, with rural populations; {@link #VILLAGE_A1} is a poor village. */
    public List<Region> regions() {
        return List.of(
                new Region(COUNTY, "贵池区", 412_000, false),
                new Region(TOWNSHIP_A, "梅街镇", 21_500, false),
                new Region(VILLAGE_A1, "刘街村", 2_310, true),
                new Region(VILLAGE_A2, "竹溪村", 1_870, false),
                new Region(TOWNSHIP_B, "棠溪乡", 9_800, false),
                new Region(VILLAGE_B1, "百安村", 1_460, true),
                new Region(OTHER_COUNTY, "东至县", 380_000, false),
                new Region(OTHER_COUNTY_VILLAGE, "青山村", 1_200, false));
    }

    /** A valid 18-character citizen ID: address code, birth date, 3-digit sequence and the computed check character. */
    public static CitizenId citizenId(String addressCode, LocalDate birth, int sequence) {
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence must be within 0..999");
        }
        String first17 = addressCode + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence);
        return new CitizenId(first17 + CitizenId.checkCharacter(first17));
    }

    /** A citizen ID not handed out before by this instance, registered in the county, born on {@code birth}. */
    public CitizenId nextCitizenId(LocalDate birth, Sex sex) {
        int n = nextPerson++;
        // Odd sequence digits are male, even female; n keeps the ID unique even for twins.
        int sequence = (n * 2) % 1000 + (sex == Sex.MALE ? 1 : 0);
        LocalDate date = birth.plusDays(n / 500);
        return citizenId(COUNTY.countyCode(), date, sequence);
    }

    /** A household id not handed out before, in the form core assigns: {@code 341702-00000001}. */
    public String nextHouseholdId(String countyCode) {
        return countyCode + "-" + String.format("%08d", nextHousehold++);
    }

    /** A member with every card field set and a fresh citizen ID. */
    public Member member(Relationship relationship, LocalDate birth, Sex sex) {
        int n = nextPerson;
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length + n) % GIVEN.length];
        return new Member(name, nextCitizenId(birth, sex), relationship, "01", Education.JUNIOR_SECONDARY,
                StudentStatus.NOT_STUDENT, HealthStatus.HEALTHY, LabourAbility.ORDINARY, MigrantWork.WITHIN_PROVINCE,
                8, Set.of(Insurance.RURAL_MEDICAL, Insurance.RURAL_PENSION), false);
    }

    /** A fully filled household of four in {@link #VILLAGE_A1}; version 0 (not yet stored). */
    public Household household() {
        return household(VILLAGE_A1);
    }

    /** A fully filled household of four in {@code village}; version 0 (not yet stored). */
    public Household household(RegionCode village) {
        return householdBuilder(village).build();
    }

    /**
     * A builder pre-filled with a complete, valid household of four (head, spouse with a chronic illness, a son at
     * senior school, a daughter of pre-school age) in {@code village}, with housing, land, flags and three causes.
     */
    public Household.Builder householdBuilder(RegionCode village) {
        Member head = member(Relationship.HEAD, LocalDate.of(1962, 4, 12), Sex.MALE);
        Member spouse = member(Relationship.SPOUSE, LocalDate.of(1965, 9, 3), Sex.FEMALE)
                .withHealth(HealthStatus.CHRONIC_ILLNESS)
                .withLabour(LabourAbility.LOST, MigrantWork.NONE, 0);
        Member son = member(Relationship.SON, LocalDate.of(2004, 1, 20), Sex.MALE)
                .withStudentStatus(StudentStatus.SENIOR)
                .withLabour(LabourAbility.NONE, MigrantWork.NONE, 0);
        Member daughter = new Member("汪小雨", nextCitizenId(LocalDate.of(2013, 6, 1), Sex.FEMALE),
                Relationship.DAUGHTER, "03", Education.PRE_SCHOOL, StudentStatus.PRE_SCHOOL, HealthStatus.DISABLED,
                LabourAbility.NONE, MigrantWork.NONE, 0, Set.of(), false);
        return Household.builder()
                .id(nextHouseholdId(village.countyCode()))
                .region(village)
                .villageGroup("三组")
                .address("安徽省池州市贵池区梅街镇刘街村三组18号")
                .phone("139 0566 1234")
                .bank("池州农村商业银行", "6230901234567890123")
                .standard(IdentificationStandard.PROVINCIAL)
                .type(HouseholdType.LOW_ALLOWANCE_POOR)
                .mainCause(PovertyCause.ILLNESS)
                .otherCauses(List.of(PovertyCause.LACK_OF_SKILLS, PovertyCause.LACK_OF_CAPITAL))
                .flags(Set.of(HouseholdFlag.ONE_CHILD, HouseholdFlag.MILITARY_FAMILY))
                .status(PovertyStatus.NOT_EXITED)
                .identifiedYear(2014)
                .housing(new Housing(new BigDecimal("86.50"), HousingStructure.BRICK_WOOD, 1988,
                        HousingSafety.C_LEVEL))
                .safeDrinkingWater(false)
                .electricity(true)
                .land(new LandHolding(new BigDecimal("3.20"), new BigDecimal("1.50"), new BigDecimal("12.00")))
                .mutualAid(true, new BigDecimal("2000.00"))
                .members(List.of(head, spouse, son, daughter));
    }

    /** {@code count} households in {@code village}, ids increasing. */
    public List<Household> households(RegionCode village, int count) {
        List<Household> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(household(village));
        }
        return out;
    }

    /** A statement of the household's income for {@code year} with wages, production, transfers and costs. */
    public IncomeStatement incomeStatement(String householdId, int year) {
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        items.put(IncomeItem.WAGES, new BigDecimal("9600.00"));
        items.put(IncomeItem.PRODUCTION, new BigDecimal("3250.50"));
        items.put(IncomeItem.LOW_ALLOWANCE, new BigDecimal("2760.00"));
        items.put(IncomeItem.MEDICAL_REIMBURSEMENT, new BigDecimal("1830.25"));
        items.put(IncomeItem.DONATION, new BigDecimal("0.00"));
        return new IncomeStatement(householdId, year, items, new BigDecimal("1200.00"), 4, 0);
    }

    /** A new document (version 0) of {@code kind} with a fresh id and a small JSON body. */
    public StoredDocument document(String kind, RegionCode region, Integer year) {
        String id = "D" + String.format("%06d", nextDocument++);
        return new StoredDocument(kind, id, region, year, 0,
                "{\"id\":\"" + id + "\",\"note\":\"第" + id + "号 \\\"引号\\\", 逗号\"}");
    }

    /**
     * An audit entry (sequence 0) about one entity; timestamps advance one second per entry and have microsecond
     * precision, the precision every storage keeps.
     */
    public AuditEntry auditEntry(String entityType, String entityId, RegionCode region, String action) {
        int n = nextAudit++;
        return new AuditEntry(0, entityType, entityId, region, action, "cadre-" + n, "章干部",
                AUDIT_EPOCH.plusSeconds(n), "第" + n + "次核实", n == 1 ? null : "{\"n\":" + (n - 1) + "}",
                "{\"n\":" + n + "}");
    }
}
