package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_A2;
import static org.jingzhun.core.Fixtures.VILLAGE_B1;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.core.identification.MemberChange;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.pairing.HelpingUnit;
import org.jingzhun.spi.pairing.UnitLevel;
import org.jingzhun.spi.region.Region;

/**
 * Every public mutation leaves its trace (留痕): for any mutation of the table below, any actor and any reason, the
 * entries it adds to the audit log name that actor, carry the clock's time, a reason containing the given one, and
 * the record before and/or after the change, and the county's chain still verifies.
 */
class MutationAuditProperties {
    private static final Instant NOW = Instant.parse("2016-06-01T09:00:00Z");

    /** A public mutation, with what it needs stored first. */
    record Mutation(String name, Setup setup, Change change) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Setup {
        Household prepare(Jingzhun jz);
    }

    /** Reads the log masked, so that reading it records nothing (an unmasked read is itself audited). */
    private static final Principal AUDITOR = new Principal("auditor", "审计员", COUNTY, EnumSet.of(Permission.AUDIT));

    @FunctionalInterface
    interface Change {
        void run(Jingzhun jz, Principal actor, Household prepared, String reason);
    }

    @Property(tries = 60)
    void everyMutationIsAuditedWithActorTimeReasonAndBeforeOrAfter(@ForAll("mutations") Mutation mutation,
            @ForAll("actors") String actorId, @ForAll("reasons") String reason) {
        try (Jingzhun jz = Jingzhun.builder().plugin(new org.jingzhun.storage.memory.MemoryStoragePlugin())
                .storage("memory").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
            jz.regions().define(COUNTY_OFFICER, List.of(new Region(COUNTY, "贵池区", 537_000, false),
                    new Region(TOWN_A, "梅街镇", 30_000, false), new Region(VILLAGE_A1, "刘街村", 2_400, true),
                    new Region(VILLAGE_A2, "源溪村", 1_900, false),
                    new Region(Fixtures.TOWN_B, "棠溪镇", 20_000, false),
                    new Region(VILLAGE_B1, "石门村", 2_100, true)), "baseline regions");
            Household prepared = mutation.setup().prepare(jz);
            long before = newest(jz);
            Principal actor = new Principal(actorId, "操作员" + actorId, COUNTY, EnumSet.allOf(Permission.class));

            mutation.change().run(jz, actor, prepared, reason);

            List<AuditEntry> added = jz.audit().entries(AUDITOR, AuditQuery.county("341702", 1000)).items()
                    .stream().filter(e -> e.sequence() > before).toList();
            assertThat(added).as(mutation.name()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.actorId()).isEqualTo(actorId);
                assertThat(e.actorName()).isEqualTo("操作员" + actorId);
                assertThat(e.at()).isEqualTo(NOW);
                assertThat(e.reason()).isNotBlank().contains(reason.strip());
                assertThat(e.before() != null || e.after() != null).as("before or after").isTrue();
            });
            assertThat(jz.audit().verify(COUNTY_OFFICER, COUNTY).intact()).isTrue();
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Setup nothing = jz -> null;
        Setup one = jz -> jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2), "baseline");
        return Arbitraries.of(
                new Mutation("register", nothing, (jz, a, h, r) ->
                        jz.registry().register(a, Fixtures.household(VILLAGE_A1, 1, 2), r)),
                new Mutation("registerAll", nothing, (jz, a, h, r) -> jz.registry().registerAll(a,
                        List.of(Fixtures.household(VILLAGE_A1, 1, 2), Fixtures.household(VILLAGE_B1, 10, 3)), r)),
                new Mutation("amend", one, (jz, a, h, r) ->
                        jz.registry().amend(a, h.toBuilder().address("新址").build(), r)),
                new Mutation("amendAll", one, (jz, a, h, r) ->
                        jz.registry().amendAll(a, List.of(h.toBuilder().phone("13900000000").build()), r)),
                new Mutation("remove", one, (jz, a, h, r) -> jz.registry().remove(a, h.id(), h.version(), r)),
                new Mutation("recordIncome", one, (jz, a, h, r) -> jz.registry().recordIncome(a,
                        new IncomeStatement(h.id(), 2015, Map.of(IncomeItem.WAGES, new BigDecimal("4000")),
                                BigDecimal.ZERO, 2, 0), r)),
                new Mutation("recordIncomes", one, (jz, a, h, r) -> jz.registry().recordIncomes(a, List.of(
                        new IncomeStatement(h.id(), 2015, Map.of(IncomeItem.WAGES, new BigDecimal("4000")),
                                BigDecimal.ZERO, 2, 0)), r)),
                new Mutation("addMember", one, (jz, a, h, r) -> jz.adjustments().addMember(a, h.id(),
                        MemberChange.BIRTH, Member.of("新生儿", Fixtures.id("20150101", 77), Relationship.GRANDSON), r)),
                new Mutation("returnToPoverty", jz -> {
                    Household h = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2),
                            "baseline");
                    return jz.registry().amend(COUNTY_OFFICER, h.toBuilder().status(PovertyStatus.EXITED).build(),
                            "exit");
                }, (jz, a, h, r) -> jz.adjustments().returnToPoverty(a, h.id(), 2016, r)),
                new Mutation("removeWrongRegistration", one, (jz, a, h, r) ->
                        jz.adjustments().removeWrongRegistration(a, h.id(), r)),
                new Mutation("defineRegions", nothing, (jz, a, h, r) -> jz.regions().define(a,
                        List.of(new Region(VILLAGE_A2, "源溪村", 2_000, true)), r)),
                new Mutation("saveUnit", nothing, (jz, a, h, r) -> jz.pairing().saveUnit(a,
                        new HelpingUnit("U-1", "区财政局", UnitLevel.COUNTY, COUNTY), r)),
                new Mutation("saveCadres", jz -> {
                    jz.pairing().saveUnit(COUNTY_OFFICER, new HelpingUnit("U-1", "区财政局", UnitLevel.COUNTY,
                            COUNTY), "pairing");
                    return null;
                }, (jz, a, h, r) -> jz.pairing().saveCadres(a, List.of(
                        new Cadre("C-1", "王明", CadreRole.UNIT_STAFF, "U-1", COUNTY, 4)), r)));
    }

    @Provide
    Arbitrary<String> actors() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> reasons() {
        return Arbitraries.oneOf(Arbitraries.of("baseline", "2016 年度动态调整", "村民代表大会评议通过"),
                Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30).map(s -> " " + s + " "));
    }

    private static long newest(Jingzhun jz) {
        return jz.audit().entries(AUDITOR, AuditQuery.county("341702", 1)).items().stream()
                .mapToLong(AuditEntry::sequence).findFirst().orElse(0);
    }
}
