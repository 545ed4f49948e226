package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.PageRequest;

/**
 * No public read hands a principal without VIEW_PERSONAL_DATA an unmasked citizen ID, phone, bank account or address:
 * every result and every error is serialised and scanned for the raw values.
 */
class PersonalDataLeakProperties {

    @Provide
    Arbitrary<Principal> maskedPrincipals() {
        Arbitrary<RegionCode> scopes = Arbitraries.of(COUNTY, TOWN_A, VILLAGE_A1);
        Arbitrary<Set<Permission>> extra = Arbitraries.of(Permission.WRITE, Permission.APPROVE, Permission.FINANCE,
                Permission.ADMINISTER).set();
        return Combinators.combine(scopes, extra).as((scope, more) -> {
            EnumSet<Permission> permissions = EnumSet.of(Permission.READ);
            permissions.addAll(more);
            return new Principal("viewer-1", "查看员", scope, permissions);
        });
    }

    @Provide
    Arbitrary<Household> households() {
        Arbitrary<Member> member = Combinators.combine(Arbitraries.longs().between(0, 30_000),
                Arbitraries.integers().between(0, 999), Arbitraries.of(org.jingzhun.spi.household.HealthStatus.class))
                .as((day, seq, health) -> Member.of("成员" + seq, Fixtures.id(LocalDate.of(1930, 1, 1).plusDays(day)
                        .toString().replace("-", ""), seq), org.jingzhun.spi.household.Relationship.SON)
                        .withHealth(health));
        Arbitrary<List<Member>> members = member.list().ofMinSize(1).ofMaxSize(6)
                .filter(ms -> ms.stream().map(Member::citizenId).distinct().count() == ms.size())
                .map(ms -> {
                    List<Member> out = new ArrayList<>(ms);
                    Member head = out.get(0);
                    out.set(0, new Member(head.name(), head.citizenId(), org.jingzhun.spi.household.Relationship.HEAD,
                            head.ethnicity(), head.education(), head.studentStatus(), head.health(),
                            head.labourAbility(), head.migrantWork(), head.monthsWorked(), head.insurances(),
                            head.servingSoldier()));
                    return out;
                });
        return Combinators.combine(members, Arbitraries.longs().between(1_000_000_000L, 9_999_999_999L),
                Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(19),
                Arbitraries.integers().between(1, 999))
                .as((ms, phone, bank, house) -> Household.builder().region(VILLAGE_A1)
                        .mainCause(PovertyCause.ILLNESS).members(ms).phone("1" + phone)
                        .bank("农商银行", "62" + bank).address("幸福路" + house + "号东侧").villageGroup("三组")
                        .build());
    }

    @Property(tries = 60)
    void noReadOrErrorCarriesRawPersonalData(@ForAll("households") Household given,
            @ForAll("maskedPrincipals") Principal reader) throws Exception {
        try (Jingzhun jz = PolicyFixtures.newJingzhun(new MutableClock("2016-06-01"))) {
            ObjectMapper json = jz.json();
            Household stored = jz.registry().register(COUNTY_OFFICER, given, "登记");
            Household amended = jz.registry().amend(COUNTY_OFFICER, stored.toBuilder().phone("13800000000")
                    .address("幸福路1000号").build(), "更正电话");
            List<String> raw = new ArrayList<>();
            given.members().forEach(m -> raw.add(m.citizenId().value()));
            raw.add(given.phone());
            raw.add(given.bankAccount());
            raw.add(given.address());
            raw.add("13800000000");
            raw.add("幸福路1000号");

            List<Object> seen = new ArrayList<>();
            seen.add(jz.registry().get(reader, stored.id()));
            seen.add(jz.registry().find(reader, stored.id()).orElseThrow());
            seen.add(jz.registry().search(reader, COUNTY, PageRequest.first(10)));
            jz.registry().forEachWithin(reader, COUNTY, seen::add);
            seen.add(jz.registry().history(reader, stored.id()));
            IdentificationWorkflow.Application application = new IdentificationWorkflow.Application(
                    Fixtures.household(VILLAGE_A1, 500, 2).toBuilder().phone("13912340000").build(),
                    PolicyFixtures.income("x", 2016, 2, "1800"),
                    org.jingzhun.spi.policy.SupplementaryFacts.none());
            raw.add("13912340000");
            application.applicant().members().forEach(m -> raw.add(m.citizenId().value()));
            String caseId = jz.identification().applyAll(COUNTY_OFFICER, 2016, List.of(application), "申请")
                    .get(0).id();
            seen.add(jz.identification().list(reader, COUNTY, null));
            seen.add(jz.identification().get(reader, caseId));

            List<String> errors = new ArrayList<>();
            collect(errors, () -> jz.policies().facts(reader, stored.id(), 2016));
            collect(errors, () -> jz.registry().register(reader, given.toBuilder().id(null).build(), "重复登记"));
            collect(errors, () -> jz.registry().amend(reader, amended, "无权修改"));

            String out = json.writeValueAsString(seen) + String.join("\n", errors);
            for (String value : raw) {
                assertThat(out).as("raw value in output").doesNotContain(value);
            }
            assertThat(out).contains(stored.id());
        }
    }

    private static void collect(List<String> errors, Runnable call) {
        try {
            call.run();
        } catch (JingzhunException e) {
            errors.add(e.getMessage() + " " + e.messageZh());
        }
    }

    @Property(tries = 20)
    void aMaskedReaderMayAmendWhatItReadWithoutLosingWhatItCouldNotSee(@ForAll("households") Household given) {
        try (Jingzhun jz = Fixtures.newJingzhun()) {
            Household stored = jz.registry().register(COUNTY_OFFICER, given, "登记");
            Principal clerk = new Principal("clerk-2", "村文书", VILLAGE_A1,
                    EnumSet.of(Permission.READ, Permission.WRITE));
            Household seen = jz.registry().get(clerk, stored.id());
            assertThat(seen.members()).allSatisfy(m -> {
                assertThat(m.citizenId().isRedacted()).isTrue();
                assertThat(m.health()).isNull();
            });
            jz.registry().amend(clerk, seen.toBuilder().villageGroup("五组").build(), "迁组");
            Household after = jz.registry().get(COUNTY_OFFICER, stored.id());
            assertThat(after.villageGroup()).isEqualTo("五组");
            assertThat(after.members()).isEqualTo(stored.members());
            assertThat(after.phone()).isEqualTo(stored.phone());
            assertThat(after.bankAccount()).isEqualTo(stored.bankAccount());
            assertThat(after.address()).isEqualTo(stored.address());
        }
    }

    @Property(tries = 10)
    void everyUnmaskedReadIsAudited(@ForAll("households") Household given) {
        try (Jingzhun jz = Fixtures.newJingzhun()) {
            Household stored = jz.registry().register(COUNTY_OFFICER, given, "登记");
            Principal officer = COUNTY_OFFICER.withPurpose("入户核实");
            assertThat(jz.registry().get(officer, stored.id()).members()).isEqualTo(stored.members());
            jz.registry().history(officer, stored.id());
            Principal viewer = Principal.viewer("v", COUNTY);
            jz.registry().get(viewer, stored.id());
            List<org.jingzhun.spi.audit.AuditEntry> reads = jz.audit().entries(Principal.officer("auditor", COUNTY),
                    org.jingzhun.spi.audit.AuditQuery.county("341702", 100).about("disclosure", stored.id())).items();
            assertThat(reads).hasSize(2).allSatisfy(e -> {
                assertThat(e.actorId()).isEqualTo("county-clerk");
                assertThat(e.reason()).isEqualTo("入户核实");
            });
            assertThatThrownBy(() -> jz.policies().facts(viewer, stored.id(), 2016))
                    .isInstanceOf(org.jingzhun.spi.error.AccessDeniedException.class);
        }
    }
}
