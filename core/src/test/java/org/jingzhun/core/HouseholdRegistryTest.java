package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_B1;
import static org.jingzhun.core.Fixtures.household;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HouseholdRegistryTest {
    private final Jingzhun jz = Fixtures.newJingzhun();

    @AfterEach
    void close() {
        jz.close();
    }

    @Test
    void registersWithReadableIdAndVersionOne() {
        Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 3), "2014 baseline");
        assertThat(h.id()).isEqualTo("341702-00000001");
        assertThat(h.version()).isEqualTo(1);
        assertThat(jz.registry().get(COUNTY_OFFICER, h.id())).isEqualTo(h);
    }

    @Test
    void amendIsAuditedFieldByFieldAndHistoryReadsBack() {
        Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "2014 baseline");
        Member ill = h.members().get(1).withHealth(HealthStatus.SERIOUS_ILLNESS);
        Household amended = jz.registry().amend(COUNTY_OFFICER,
                h.toBuilder().members(List.of(h.members().get(0), ill)).build(), "hospital diagnosis");
        assertThat(amended.version()).isEqualTo(2);
        jz.registry().recordIncome(COUNTY_OFFICER, new IncomeStatement(h.id(), 2014,
                Map.of(IncomeItem.WAGES, new BigDecimal("4000")), BigDecimal.ZERO, 2, 0), "survey");

        List<HistoryEntry> history = jz.registry().history(COUNTY_OFFICER, h.id());
        assertThat(history).extracting(HistoryEntry::action).containsExactly("register", "amend", "record-income");
        assertThat(history.get(1).reason()).isEqualTo("hospital diagnosis");
        assertThat(history.get(1).changes()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("members[1].health");
            assertThat(c.before()).isEqualTo("HEALTHY");
            assertThat(c.after()).isEqualTo("SERIOUS_ILLNESS");
        });
        assertThat(history.get(0).actorId()).isEqualTo("county-clerk");
    }

    @Test
    void staleVersionIsAConflict() {
        Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        jz.registry().amend(COUNTY_OFFICER, h.toBuilder().phone("13900001111").build(), "phone");
        assertThatThrownBy(() -> jz.registry().amend(COUNTY_OFFICER, h.toBuilder().phone("13900002222").build(), "x"))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("storage.version_conflict");
    }

    @Test
    void citizenIdBelongsToOneActiveHouseholdAndRefusalNamesTheHolder() {
        Household first = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        // The same head registered again in another village, with a new spouse.
        Household again = household(VILLAGE_B1, 40, 2).toBuilder()
                .members(List.of(first.members().get(0), household(VILLAGE_B1, 40, 2).members().get(1))).build();
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> jz.registry().register(COUNTY_OFFICER, again, "second"));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("validation.id_taken");
            assertThat(v.field()).isEqualTo("members[0].citizenId");
            assertThat(v.messageEn()).contains(first.id());
            assertThat(v.messageZh()).contains(first.id()).contains("身份证号");
        });
        // Once the first household is removed as wrongly registered, the person may be registered again.
        jz.registry().remove(COUNTY_OFFICER, first.id(), first.version(), "registered twice by mistake");
        assertThat(jz.registry().get(COUNTY_OFFICER, first.id()).status()).isEqualTo(PovertyStatus.REMOVED);
        assertThat(jz.registry().register(COUNTY_OFFICER, again, "second").id()).isNotBlank();
    }

    @Test
    void everyViolationIsReportedAtOnceAndNothingIsWritten() {
        Household bad = household(TOWN_A, 20, 2).toBuilder()
                .members(List.of(Member.of("甲", Fixtures.id("19700101", 20), Relationship.SON),
                        Member.of("乙", Fixtures.id("19700101", 20), Relationship.SON)))
                .otherCauses(List.of(PovertyCause.ILLNESS)).phone("call me").build();
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> jz.registry().register(COUNTY_OFFICER, bad, "bad"));
        assertThat(e.violations()).extracting(Violation::field)
                .contains("region", "members", "otherCauses[0]", "members[1].citizenId", "phone");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.record()).startsWith("household"));
        assertThat(e.localizedMessage(Locale.SIMPLIFIED_CHINESE)).contains("户主").contains("行政村");
        assertThat(e.getMessage()).contains("exactly one head");
        assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isZero();
    }

    @Test
    void scopeRefusesWritesAndReadsOutsideAndClampsSearches() {
        Household inA = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        Household inB = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_B1, 30, 2), "baseline");
        Principal townA = Principal.officer("town-a", TOWN_A);

        assertThatThrownBy(() -> jz.registry().register(townA, household(VILLAGE_B1, 40, 1), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.registry().amend(townA, inB.toBuilder().phone("13911112222").build(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jz.registry().find(townA, inB.id())).isEmpty();
        assertThat(jz.registry().search(townA, COUNTY, PageRequest.first(100)).items())
                .extracting(Household::id).containsExactly(inA.id());
        assertThatThrownBy(() -> jz.registry().search(townA, RegionCode.of("341702101000"), PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        Principal viewer = Principal.viewer("viewer", TOWN_A);
        assertThatThrownBy(() -> jz.registry().register(viewer, household(VILLAGE_A1, 50, 1), "x"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void removalNeedsAReason() {
        Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        assertThatThrownBy(() -> jz.registry().remove(COUNTY_OFFICER, h.id(), h.version(), " "))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void incomeStatementValidatesAndCorrectsWithVersion() {
        Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        assertThatThrownBy(() -> jz.registry().recordIncome(COUNTY_OFFICER, new IncomeStatement(h.id(), 2014,
                Map.of(IncomeItem.WAGES, new BigDecimal("-1")), BigDecimal.ZERO, 0, 0), "bad"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::field)
                        .contains("householdSize"));
        IncomeStatement s = jz.registry().recordIncome(COUNTY_OFFICER, new IncomeStatement(h.id(), 2014,
                Map.of(IncomeItem.WAGES, new BigDecimal("5000")), new BigDecimal("600"), 2, 0), "survey");
        IncomeStatement corrected = jz.registry().recordIncome(COUNTY_OFFICER, new IncomeStatement(h.id(), 2014,
                Map.of(IncomeItem.WAGES, new BigDecimal("5200")), new BigDecimal("600"), 2, s.version()), "recount");
        assertThat(corrected.perCapitaNetIncome()).isEqualByComparingTo("2300.00");
        assertThat(jz.registry().incomes(COUNTY_OFFICER, h.id())).containsExactly(corrected);
    }

    @Test
    void bulkRegistrationNamesEveryBadRowAndStoresNothing() {
        Household good = household(VILLAGE_A1, 100, 2);
        Household sharesAnId = household(VILLAGE_B1, 200, 2).toBuilder()
                .members(List.of(good.members().get(0), household(VILLAGE_B1, 200, 2).members().get(1))).build();
        Household noHead = household(VILLAGE_A1, 300, 1).toBuilder()
                .members(List.of(Member.of("丙", Fixtures.id("19800101", 300), Relationship.SON))).build();
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> jz.registry().registerAll(COUNTY_OFFICER, List.of(good, sharesAnId, noHead), "import"));
        assertThat(e.violations()).extracting(Violation::record, Violation::field).contains(
                org.assertj.core.groups.Tuple.tuple("row 2", "members[0].citizenId"),
                org.assertj.core.groups.Tuple.tuple("row 3", "members"));
        assertThat(e.violations()).filteredOn(v -> v.record().equals("row 2")).singleElement()
                .satisfies(v -> assertThat(v.messageEn()).contains("row 1"));
        assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isZero();

        List<Household> stored = jz.registry().registerAll(COUNTY_OFFICER, List.of(good,
                household(VILLAGE_B1, 400, 3)), "import");
        assertThat(stored).extracting(Household::id).containsExactly("341702-00000001", "341702-00000002");
        assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isEqualTo(2);
    }

    @Test
    void bulkIncomesAreAllOrNothingAndNameTheUnknownHousehold() {
        Household h = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        IncomeStatement ok = new IncomeStatement(h.id(), 2015, Map.of(IncomeItem.WAGES, new BigDecimal("6000")),
                BigDecimal.ZERO, 2, 0);
        IncomeStatement unknown = new IncomeStatement("341702-99999999", 2015,
                Map.of(IncomeItem.WAGES, new BigDecimal("1")), BigDecimal.ZERO, 1, 0);
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> jz.registry().recordIncomes(COUNTY_OFFICER, List.of(ok, unknown), "survey"));
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.record()).isEqualTo("income 341702-99999999/2015");
            assertThat(v.field()).isEqualTo("householdId");
        });
        assertThat(jz.registry().incomes(COUNTY_OFFICER, h.id())).isEmpty();
        assertThat(jz.registry().recordIncomes(COUNTY_OFFICER, List.of(ok), "survey")).hasSize(1);
    }

    @Test
    void scanNeverLeavesTheScope() {
        jz.registry().register(COUNTY_OFFICER, household(VILLAGE_A1, 10, 2), "baseline");
        Household inB = jz.registry().register(COUNTY_OFFICER, household(VILLAGE_B1, 30, 2), "baseline");
        List<String> seen = new java.util.ArrayList<>();
        jz.registry().forEachWithin(Principal.officer("town-b", RegionCode.of("341702101000")), COUNTY,
                hh -> seen.add(hh.id()));
        assertThat(seen).containsExactly(inB.id());
    }
}
