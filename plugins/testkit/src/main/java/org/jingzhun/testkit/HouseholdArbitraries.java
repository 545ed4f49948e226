package org.jingzhun.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IdentificationStandard;
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
import org.jingzhun.spi.region.RegionCode;

/**
 * jqwik generators (任意值生成器) of valid households for property tests: every value satisfies the SPI's Bean
 * Validation constraints and core's household rules (one head first, distinct citizen IDs with correct check
 * characters, causes distinct), lives in a village of the given county, and has version 0. Optional fields are
 * sometimes {@code null}, decimals have scale 2, and free text mixes Chinese (including characters outside the Basic
 * Multilingual Plane, common in rare given names), ASCII and the characters that break naive CSV or SQL encoding
 * (quotes, commas, backslashes, tabs, line breaks, {@code \N}).
 */
public final class HouseholdArbitraries {
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1925, 1, 1);
    private static final LocalDate LATEST_BIRTH = LocalDate.of(2024, 12, 31);

    private HouseholdArbitraries() {
    }

    /** Valid households in villages of Guichi district ({@link SampleData#COUNTY}). */
    public static Arbitrary<Household> households() {
        return households(SampleData.COUNTY.countyCode());
    }

    /** Valid households in villages of the county {@code countyCode}, with ids {@code <countyCode>-<1..20 chars>}. */
    public static Arbitrary<Household> households(String countyCode) {
        Arbitrary<List<PovertyCause>> causes = Arbitraries.of(PovertyCause.class).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(3);
        return Builders.withBuilder(Household::builder)
                .use(householdIds(countyCode)).in(Household.Builder::id)
                .use(villages(countyCode)).in(Household.Builder::region)
                .use(text(30).injectNull(0.2)).in(Household.Builder::villageGroup)
                .use(text(200).injectNull(0.2)).in(Household.Builder::address)
                .use(phones().injectNull(0.2)).in(Household.Builder::phone)
                .use(Combinators.combine(text(60).injectNull(0.3), digits(8, 30).injectNull(0.3)).as(Tuple::of))
                .in((b, bank) -> b.bank(bank.get1(), bank.get2()))
                .use(Arbitraries.of(IdentificationStandard.class)).in(Household.Builder::standard)
                .use(Arbitraries.of(HouseholdType.class)).in(Household.Builder::type)
                .use(causes).in((b, c) -> b.mainCause(c.get(0)).otherCauses(c.subList(1, c.size())))
                .use(Arbitraries.of(HouseholdFlag.class).set()).in(Household.Builder::flags)
                .use(Arbitraries.of(PovertyStatus.class)).in(Household.Builder::status)
                .use(Arbitraries.integers().between(2000, 2025)).in(Household.Builder::identifiedYear)
                .use(housing().injectNull(0.2)).in(Household.Builder::housing)
                .use(Arbitraries.of(true, false)).in(Household.Builder::safeDrinkingWater)
                .use(Arbitraries.of(true, false)).in(Household.Builder::electricity)
                .use(landHoldings().injectNull(0.2)).in(Household.Builder::land)
                .use(Combinators.combine(Arbitraries.of(true, false), amounts(10).injectNull(0.3)).as(Tuple::of))
                .in((b, aid) -> b.mutualAid(aid.get1(), aid.get2()))
                .use(members()).in(Household.Builder::members)
                .build(Household.Builder::build);
    }

    /** Registry ids of the county: {@code <countyCode>-} followed by 1–20 digits or capital letters. */
    public static Arbitrary<String> householdIds(String countyCode) {
        return Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(20)
                .map(s -> countyCode + "-" + s);
    }

    /** Village codes (12 digits) of the county, with towns, streets and townships alike. */
    public static Arbitrary<RegionCode> villages(String countyCode) {
        return Combinators.combine(Arbitraries.integers().between(1, 399), Arbitraries.integers().between(1, 499))
                .as((township, village) -> new RegionCode(
                        countyCode + String.format("%03d%03d", township, village)));
    }

    /** One to eight members; the first is the head, nobody else is, and citizen IDs are distinct. */
    public static Arbitrary<List<Member>> members() {
        Arbitrary<Relationship> notHead = Arbitraries.of(Relationship.class).filter(r -> r != Relationship.HEAD);
        return Combinators.combine(member(Arbitraries.just(Relationship.HEAD)), member(notHead).list().ofMaxSize(7))
                .as((head, others) -> {
                    List<Member> all = new ArrayList<>();
                    all.add(head);
                    all.addAll(others);
                    return all;
                })
                .filter(all -> all.stream().map(Member::citizenId).distinct().count() == all.size());
    }

    /** A member with any valid combination of card fields. */
    public static Arbitrary<Member> member(Arbitrary<Relationship> relationships) {
        return Builders.withBuilder(MemberDraft::new)
                .use(names()).inSetter((d, v) -> d.name = v)
                .use(citizenIds()).inSetter((d, v) -> d.citizenId = v)
                .use(relationships).inSetter((d, v) -> d.relationship = v)
                .use(ethnicities()).inSetter((d, v) -> d.ethnicity = v)
                .use(Arbitraries.of(Education.class)).inSetter((d, v) -> d.education = v)
                .use(Arbitraries.of(StudentStatus.class)).inSetter((d, v) -> d.studentStatus = v)
                .use(Arbitraries.of(HealthStatus.class)).inSetter((d, v) -> d.health = v)
                .use(Arbitraries.of(LabourAbility.class)).inSetter((d, v) -> d.labourAbility = v)
                .use(Arbitraries.of(MigrantWork.class)).inSetter((d, v) -> d.migrantWork = v)
                .use(Arbitraries.integers().between(0, 12)).inSetter((d, v) -> d.monthsWorked = v)
                .use(Arbitraries.of(Insurance.class).set()).inSetter((d, v) -> d.insurances = v)
                .use(Arbitraries.of(true, false)).inSetter((d, v) -> d.servingSoldier = v)
                .build(MemberDraft::build);
    }

    /** Valid 18-character citizen IDs: a plausible address code, a real birth date, any sequence, the right check. */
    public static Arbitrary<CitizenId> citizenIds() {
        long days = ChronoUnit.DAYS.between(EARLIEST_BIRTH, LATEST_BIRTH);
        Arbitrary<String> addressCodes = Arbitraries.of("341702", "341721", "340000", "110101", "532621", "650102");
        return Combinators.combine(addressCodes, Arbitraries.longs().between(0, days),
                        Arbitraries.integers().between(0, 999))
                .as((address, day, sequence) -> SampleData.citizenId(address, EARLIEST_BIRTH.plusDays(day), sequence));
    }

    /** Two-digit GB 3304 ethnicity codes: 01–56, 97 and 98. */
    public static Arbitrary<String> ethnicities() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 56).map(n -> String.format("%02d", n)),
                Arbitraries.of("97", "98"));
    }

    /** Chinese names of two to four characters, sometimes with a character outside the BMP. */
    public static Arbitrary<String> names() {
        Arbitrary<String> common = Arbitraries.chars().range('\u4e00', '\u9fa5').map(String::valueOf);
        Arbitrary<String> rare = Arbitraries.of("\uD840\uDC00", "\uD869\uDEA5", "\uD84C\uDFB4");
        return Arbitraries.frequencyOf(Tuple.of(9, common), Tuple.of(1, rare)).list().ofMinSize(2).ofMaxSize(4)
                .map(parts -> String.join("", parts));
    }

    /**
     * Free text of at most {@code maxLength} UTF-16 units (what Bean Validation's {@code @Size} counts), mixing
     * Chinese, ASCII and characters that need escaping in CSV, SQL or COPY; may be empty.
     */
    public static Arbitrary<String> text(int maxLength) {
        Arbitrary<String> chinese = Arbitraries.chars().range('\u4e00', '\u9fa5').map(String::valueOf);
        Arbitrary<String> ascii = Arbitraries.chars().range(' ', '~').map(String::valueOf);
        Arbitrary<String> awkward = Arbitraries.of(",", "\"", "'", "\\", "\n", "\r", "\t", ";", "|", "\\N", "\r\n",
                "\uD840\uDC00", "，", "。");
        // Each part is at most two UTF-16 units long.
        return Arbitraries.frequencyOf(Tuple.of(5, chinese), Tuple.of(4, ascii), Tuple.of(2, awkward)).list()
                .ofMaxSize(maxLength / 2).map(parts -> String.join("", parts));
    }

    /** Phone numbers as the card allows: 5–20 of digits, {@code +}, {@code -} and spaces. */
    public static Arbitrary<String> phones() {
        return Arbitraries.strings().withChars("0123456789+- ").ofMinLength(5).ofMaxLength(20);
    }

    /** Digit strings of the given length range (bank accounts). */
    public static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    /** Non-negative amounts with scale 2 and at most {@code integerDigits} digits before the point. */
    public static Arbitrary<BigDecimal> amounts(int integerDigits) {
        BigDecimal max = BigDecimal.TEN.pow(integerDigits).subtract(new BigDecimal("0.01"));
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, max).ofScale(2)
                .map(v -> v.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** Dwellings: area up to 999,999.99 m², any structure and safety, build year sometimes unknown. */
    public static Arbitrary<Housing> housing() {
        return Combinators.combine(amounts(6), Arbitraries.of(HousingStructure.class),
                        Arbitraries.integers().between(1900, 2100).injectNull(0.2), Arbitraries.of(HousingSafety.class))
                .as(Housing::new);
    }

    /** Land holdings in mu with scale 2. */
    public static Arbitrary<LandHolding> landHoldings() {
        return Combinators.combine(amounts(6), amounts(6), amounts(6)).as(LandHolding::new);
    }

    /** Mutable scratch for {@link #member}: Member is a record without a builder. */
    private static final class MemberDraft {
        String name;
        CitizenId citizenId;
        Relationship relationship;
        String ethnicity;
        Education education;
        StudentStatus studentStatus;
        HealthStatus health;
        LabourAbility labourAbility;
        MigrantWork migrantWork;
        int monthsWorked;
        Set<Insurance> insurances;
        boolean servingSoldier;

        Member build() {
            return new Member(name, citizenId, relationship, ethnicity, education, studentStatus, health,
                    labourAbility, migrantWork, monthsWorked, insurances, servingSoldier);
        }
    }
}
