package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.storage.memory.MemoryStoragePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, table-driven: each case is refused with a violation naming the record and field, in zh-CN and en,
 * and nothing is written.
 */
class HostileInputTest {
    /** "Today" for these tests: 2016-06-01. */
    private final Jingzhun jz = newJingzhun();

    private static Jingzhun newJingzhun() {
        Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .clock(Clock.fixed(Instant.parse("2016-06-01T02:00:00Z"), ZoneOffset.UTC)).build();
        jz.regions().define(COUNTY_OFFICER, List.of(new Region(COUNTY, "贵池区", 537_000, false),
                new Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                new Region(VILLAGE_A1, "刘街村", 2_400, true)), "baseline regions");
        return jz;
    }

    @AfterEach
    void close() {
        jz.close();
    }

    static Stream<Arguments> hostileHouseholds() {
        return Stream.of(
                row("NUL in a name", "members[0].name", "validation.text_control", h -> withHeadName(h, "张\u0000三")),
                row("line break in a name", "members[0].name", "validation.text_control", h -> withHeadName(h, "张\n三")),
                row("bell in the village group", "villageGroup", "validation.text_control", h -> h.toBuilder()
                        .villageGroup("三组\u0007").build()),
                row("right-to-left override", "members[0].name", "validation.text_invisible",
                        h -> withHeadName(h, "张\u202E三")),
                row("zero-width joiner", "address", "validation.text_invisible", h -> h.toBuilder()
                        .address("幸福\u200D路").build()),
                row("zero-width space", "members[0].name", "validation.text_invisible",
                        h -> withHeadName(h, "张\u200B三")),
                row("lone surrogate", "members[0].name", "validation.text_surrogate",
                        h -> withHeadName(h, "张\uD800三")),
                row("10,000 characters", "address", "validation.text_too_long", h -> h.toBuilder()
                        .address("路".repeat(10_000)).build()),
                row("over-long name", "members[0].name", "constraint.Size", h -> withHeadName(h, "张".repeat(51))),
                row("SQL metacharacters in the phone", "phone", "constraint.Pattern", h -> h.toBuilder()
                        .phone("1'; DROP TABLE households;--").build()),
                row("member born after today", "members[0].citizenId", "constraint.NotFuture", h -> h.toBuilder()
                        .members(List.of(Member.of("张三", id("20300101", 1), h.members().get(0).relationship())))
                        .build()),
                row("born in 2099", "members[0].citizenId", "constraint.NotFuture", h -> h.toBuilder()
                        .members(List.of(Member.of("张三", id("20990101", 1), h.members().get(0).relationship())))
                        .build()),
                row("identified in a year that has not begun", "identifiedYear", "constraint.NotFuture",
                        h -> h.toBuilder().identifiedYear(2099).build()),
                row("money with three decimals", "mutualAidContribution", "constraint.Digits", h -> h.toBuilder()
                        .mutualAid(true, new BigDecimal("0.001")).build()),
                row("a redacted ID", "members[0].citizenId", "validation.masked_value", h -> h.toBuilder()
                        .members(List.of(Member.of("张三", Fixtures.id("19650302", 1).redacted(),
                                h.members().get(0).relationship()))).build()));
    }

    private static Arguments row(String what, String field, String code, UnaryOperator<Household> change) {
        return Arguments.of(what, field, code, change);
    }

    private static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return new CitizenId(first17 + CitizenId.checkCharacter(first17));
    }

    private static Household withHeadName(Household h, String name) {
        Member head = h.members().get(0);
        Member renamed = new Member(name, head.citizenId(), head.relationship(), head.ethnicity(), head.education(),
                head.studentStatus(), head.health(), head.labourAbility(), head.migrantWork(), head.monthsWorked(),
                head.insurances(), head.servingSoldier());
        return h.toBuilder().members(List.of(renamed)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHouseholds")
    void aHostileHouseholdIsRefusedOnEveryWritePathAndNothingIsWritten(String what, String field, String code,
            UnaryOperator<Household> change) {
        Household hostile = change.apply(Fixtures.household(VILLAGE_A1, 1, 1));
        for (Runnable write : List.<Runnable>of(
                () -> jz.registry().register(COUNTY_OFFICER, hostile, "登记"),
                () -> jz.registry().registerAll(COUNTY_OFFICER, List.of(hostile), "批量登记"))) {
            assertThatThrownBy(write::run).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violations()).anySatisfy(v -> assertRefusal(v, field, code)));
        }
        assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isZero();

        Household stored = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 1), "登记");
        Household amended = change.apply(stored);
        assertThatThrownBy(() -> jz.registry().amend(COUNTY_OFFICER, amended, "修改"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).anySatisfy(v -> assertRefusal(v, field, code)));
        assertThat(jz.registry().get(COUNTY_OFFICER, stored.id())).isEqualTo(stored);
    }

    private static void assertRefusal(Violation v, String field, String code) {
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.code()).isEqualTo(code);
        assertThat(v.record()).isNotBlank();
        assertThat(v.messageEn()).isNotBlank();
        assertThat(v.messageZh()).isNotBlank().isNotEqualTo(v.messageEn());
    }

    @Test
    void incomesOfAYearNotBegunAndSubFenAmountsAreRefusedNotRounded() {
        Household h = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2), "登记");
        IncomeStatement future = new IncomeStatement(h.id(), 2099, Map.of(IncomeItem.WAGES,
                new BigDecimal("100.00")), BigDecimal.ZERO, 2, 0);
        IncomeStatement subFen = new IncomeStatement(h.id(), 2015, Map.of(IncomeItem.WAGES,
                new BigDecimal("0.001")), BigDecimal.ZERO, 2, 0);
        assertThat(subFen.items().get(IncomeItem.WAGES)).isEqualByComparingTo("0.001");
        assertThatThrownBy(() -> jz.registry().recordIncomes(COUNTY_OFFICER, List.of(future), "调查"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertRefusal(v, "year", "constraint.NotFuture")));
        assertThatThrownBy(() -> jz.registry().recordIncome(COUNTY_OFFICER, subFen, "调查"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.code()).isEqualTo("constraint.Digits")));
        assertThat(jz.registry().incomes(COUNTY_OFFICER, h.id())).isEmpty();
        assertThat(jz.registry().search(COUNTY_OFFICER, COUNTY, PageRequest.first(5).withTotal()).total()).isEqualTo(1L);
    }

    @Test
    void aNulOrOverLongUserIdIsAValidationErrorNotAStorageFailure() {
        for (String userId : List.of("clerk\u0000", "c".repeat(65), " ", "clerk\u202E")) {
            assertThatThrownBy(() -> new org.jingzhun.spi.access.Principal(userId, null, COUNTY, java.util.Set.of()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(v -> assertRefusal(v, "userId", "validation.principal")));
        }
    }
}
