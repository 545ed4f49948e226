package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_B1;
import static org.jingzhun.core.Fixtures.household;
import static org.jingzhun.core.PolicyFixtures.income;

import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.core.identification.ExitStart;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadreRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk forms of the registry, exit and pairing calls: same outcome as one call per record, all or nothing, and
 * every refusal names the record it is about.
 */
class BulkPathsTest {
    private final MutableClock clock = new MutableClock("2016-11-20");
    private final Jingzhun jz = PolicyFixtures.newJingzhun(clock);

    @AfterEach
    void close() {
        jz.close();
    }

    private List<Household> register(int count) {
        List<Household> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(household(i % 2 == 0 ? VILLAGE_A1 : VILLAGE_B1, 100 + i * 10, 2));
        }
        return jz.registry().registerAll(COUNTY_OFFICER, out, "baseline");
    }

    @Test
    void amendAllStoresEveryChangeWithItsOwnHistoryLine() {
        List<Household> hs = register(3);
        List<Household> changed = hs.stream().map(h -> h.toBuilder().safeDrinkingWater(true).build()).toList();

        List<Household> stored = jz.registry().amendAll(COUNTY_OFFICER, changed, "饮水安全工程");

        assertThat(stored).extracting(Household::version).containsOnly(2L);
        assertThat(stored).extracting(Household::id).containsExactlyElementsOf(hs.stream().map(Household::id).toList());
        for (Household h : hs) {
            assertThat(jz.registry().get(COUNTY_OFFICER, h.id()).safeDrinkingWater()).isTrue();
            List<HistoryEntry> history = jz.registry().history(COUNTY_OFFICER, h.id());
            assertThat(history).extracting(HistoryEntry::action).containsExactly("register", "amend");
            assertThat(history.get(1).reason()).isEqualTo("饮水安全工程");
        }
    }

    @Test
    void amendAllRefusesTheWholeBatchNamingEachBadRow() {
        List<Household> hs = register(3);
        Member taken = hs.get(2).members().get(1);
        Member newcomer = Member.of("新成员", Fixtures.id("20010101", 900), Relationship.DAUGHTER);
        List<Household> changed = List.of(
                hs.get(0).toBuilder().safeDrinkingWater(true).members(append(hs.get(0), newcomer)).build(),
                hs.get(1).toBuilder().members(append(hs.get(1), taken)).build(),
                hs.get(2).toBuilder().members(append(hs.get(2), newcomer)).build());

        assertThatThrownBy(() -> jz.registry().amendAll(COUNTY_OFFICER, changed, "核查"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::record).contains("row 2", "row 3");
                    assertThat(e.violations()).filteredOn(v -> v.record().equals("row 2")).singleElement()
                            .satisfies(v -> {
                                assertThat(v.code()).isEqualTo("validation.id_taken");
                                assertThat(v.field()).isEqualTo("members[2].citizenId");
                                assertThat(v.messageEn()).contains(hs.get(2).id());
                            });
                    assertThat(e.violations()).filteredOn(v -> v.record().equals("row 3"))
                            .extracting(Violation::messageEn).anySatisfy(m -> assertThat(m).contains("row 1"));
                });
        for (Household h : hs) {
            Household now = jz.registry().get(COUNTY_OFFICER, h.id());
            assertThat(now.version()).isEqualTo(1);
            assertThat(now.safeDrinkingWater()).isEqualTo(h.safeDrinkingWater());
            assertThat(now.members()).hasSize(2);
        }
    }

    @Test
    void amendAllWithAStaleVersionStoresNothing() {
        List<Household> hs = register(2);
        Member ill = hs.get(1).members().get(1).withHealth(HealthStatus.SERIOUS_ILLNESS);
        jz.registry().amend(COUNTY_OFFICER, hs.get(1).toBuilder().members(List.of(hs.get(1).members().get(0), ill))
                .build(), "诊断");

        assertThatThrownBy(() -> jz.registry().amendAll(COUNTY_OFFICER, List.of(
                hs.get(0).toBuilder().safeDrinkingWater(true).build(),
                hs.get(1).toBuilder().safeDrinkingWater(true).build()), "批量"))
                .isInstanceOf(ConflictException.class).hasMessageContaining(hs.get(1).id());
        assertThat(jz.registry().get(COUNTY_OFFICER, hs.get(0).id()).version()).isEqualTo(1);
        assertThat(jz.registry().history(COUNTY_OFFICER, hs.get(0).id())).hasSize(1);
    }

    @Test
    void aSurveyListingAHouseholdTwiceIsRefusedWithThePlainYear() {
        List<Household> hs = register(2);
        assertThatThrownBy(() -> jz.registry().recordIncomes(COUNTY_OFFICER, List.of(
                income(hs.get(0).id(), 2016, 2, "3500"), income(hs.get(1).id(), 2016, 2, "2500"),
                income(hs.get(0).id(), 2016, 2, "3600")), "2016年收入调查"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.code()).isEqualTo("validation.income_repeated");
                            assertThat(v.messageEn()).contains(hs.get(0).id()).contains("2016").doesNotContain("2,016");
                        }));
        assertThat(jz.registry().income(COUNTY_OFFICER, hs.get(1).id(), 2016)).isEmpty();
    }

    @Test
    void exitListsRunThroughTheProcedureInBulk() {
        List<Household> hs = register(5);
        List<String> ids = hs.stream().map(Household::id).toList();
        for (int i = 0; i < hs.size(); i++) {
            jz.registry().recordIncome(COUNTY_OFFICER, income(ids.get(i), 2016, 2, i == 3 ? "2500" : "3200"),
                    "年底核算");
        }

        ExitStart start = jz.exits().startAll(COUNTY_OFFICER, ids, 2016, "年终评估");

        assertThat(start.started()).extracting(ExitCase::householdId)
                .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(4));
        assertThat(start.notMet()).singleElement().satisfies(a -> {
            assertThat(a.householdId()).isEqualTo(ids.get(3));
            assertThat(a.decision().positive()).isFalse();
        });
        assertThat(jz.registry().get(COUNTY_OFFICER, ids.get(3)).status()).isEqualTo(PovertyStatus.NOT_EXITED);
        List<String> caseIds = start.started().stream().map(ExitCase::id).toList();
        assertThat(caseIds).doesNotHaveDuplicates();

        jz.exits().villageReviewAll(COUNTY_OFFICER, caseIds, true, "评议");
        assertThat(jz.exits().confirmAll(COUNTY_OFFICER, caseIds, "户主签字认可")).extracting(ExitCase::confirmedBy)
                .doesNotContainNull();
        jz.exits().openNoticeAll(COUNTY_OFFICER, caseIds, "公示");
        assertThatThrownBy(() -> jz.exits().announceAll(COUNTY_OFFICER, caseIds, "公告"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(caseIds.get(0));
        clock.advanceDays(7);
        List<ExitCase> done = jz.exits().announceAll(COUNTY_OFFICER, caseIds, "公告");

        assertThat(done).extracting(ExitCase::stage).containsOnly(ExitStage.EXITED);
        for (ExitCase c : done) {
            assertThat(jz.registry().get(COUNTY_OFFICER, c.householdId()).status()).isEqualTo(PovertyStatus.EXITED);
            assertThat(jz.registry().history(COUNTY_OFFICER, c.householdId())).extracting(HistoryEntry::action)
                    .containsSubsequence("status", "exit-village-pass", "exit-confirm", "exit-open-notice", "exit-announce",
                            "status");
        }
    }

    @Test
    void exitListsNamingAHouseholdTwiceOrAnUnknownCaseChangeNothing() {
        List<Household> hs = register(2);
        for (Household h : hs) {
            jz.registry().recordIncome(COUNTY_OFFICER, income(h.id(), 2016, 2, "3200"), "年底核算");
        }
        assertThatThrownBy(() -> jz.exits().startAll(COUNTY_OFFICER, List.of(hs.get(0).id(), hs.get(1).id(),
                hs.get(0).id()), 2016, "评估"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(hs.get(0).id());
        assertThat(jz.registry().get(COUNTY_OFFICER, hs.get(1).id()).status()).isEqualTo(PovertyStatus.NOT_EXITED);
        assertThat(jz.exits().list(COUNTY_OFFICER, COUNTY, 2016)).isEmpty();

        List<String> caseIds = jz.exits().startAll(COUNTY_OFFICER, hs.stream().map(Household::id).toList(), 2016,
                "评估").started().stream().map(ExitCase::id).toList();
        assertThatThrownBy(() -> jz.exits().startAll(COUNTY_OFFICER, List.of(hs.get(1).id()), 2016, "再评估"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(hs.get(1).id());
        assertThatThrownBy(() -> jz.exits().villageReviewAll(COUNTY_OFFICER,
                List.of(caseIds.get(0), "341702-99999999"), true, "评议"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("341702-99999999");
        assertThatThrownBy(() -> jz.exits().villageReviewAll(COUNTY_OFFICER,
                List.of(caseIds.get(1), caseIds.get(0), caseIds.get(1)), true, "评议"))
                .isInstanceOf(WorkflowException.class).hasMessageContaining(caseIds.get(1));
        assertThat(jz.exits().list(COUNTY_OFFICER, COUNTY, 2016)).extracting(ExitCase::stage)
                .containsOnly(ExitStage.ASSESSED);
    }

    @Test
    void cadreListsAreStoredAndAmendedTogether() {
        List<Cadre> cadres = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            cadres.add(new Cadre("C-" + i, "干部" + i, CadreRole.UNIT_STAFF, null, COUNTY, 5));
        }
        jz.pairing().saveCadres(COUNTY_OFFICER, cadres, "干部包户名单");
        List<Cadre> changed = new ArrayList<>(cadres);
        changed.set(4, new Cadre("C-5", "干部5", CadreRole.UNIT_STAFF, null, COUNTY, 8));
        changed.add(new Cadre("C-21", "干部21", CadreRole.UNIT_STAFF, null, COUNTY, 5));
        jz.pairing().saveCadres(COUNTY_OFFICER, changed, "调整");

        assertThat(jz.pairing().cadres(COUNTY_OFFICER, COUNTY)).hasSize(21)
                .filteredOn(c -> c.id().equals("C-5")).singleElement()
                .satisfies(c -> assertThat(c.maxHouseholds()).isEqualTo(8));
        assertThatThrownBy(() -> jz.pairing().saveCadres(COUNTY_OFFICER, List.of(
                new Cadre("C-30", "甲", CadreRole.UNIT_STAFF, null, COUNTY, 5),
                new Cadre("C-30", "乙", CadreRole.UNIT_STAFF, null, COUNTY, 5)), "名单"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("workflow.listed_twice"));
        assertThat(jz.pairing().cadres(COUNTY_OFFICER, COUNTY)).hasSize(21);
    }

    private static List<Member> append(Household h, Member m) {
        List<Member> out = new ArrayList<>(h.members());
        out.add(m);
        return out;
    }
}
