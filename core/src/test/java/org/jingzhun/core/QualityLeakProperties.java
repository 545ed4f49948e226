package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.core.quality.QualityFinding;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/**
 * For generated households and readers without VIEW_PERSONAL_DATA, nothing {@code jz.quality()} hands out (findings,
 * fix lists, acceptances) carries a raw citizen ID, phone, bank account or address, although the test pack quotes
 * each of them; health quoted by a rule is withheld.
 */
class QualityLeakProperties {
    private static final RegionCode COUNTY = Fixtures.COUNTY;

    @Provide
    Arbitrary<Principal> maskedReaders() {
        return Combinators.combine(Arbitraries.of(COUNTY, Fixtures.TOWN_A, Fixtures.VILLAGE_A1),
                Arbitraries.of(Permission.WRITE, Permission.APPROVE, Permission.ADMINISTER).set())
                .as((scope, more) -> {
                    EnumSet<Permission> p = EnumSet.of(Permission.READ, Permission.WRITE);
                    p.addAll(more);
                    return new Principal("reader", "读者", scope, p);
                });
    }

    @Provide
    Arbitrary<Household> households() {
        Arbitrary<Member> member = Combinators.combine(Arbitraries.longs().between(0, 30_000),
                Arbitraries.integers().between(0, 999), Arbitraries.of(HealthStatus.class))
                .as((day, seq, health) -> Member.of("成员" + seq, Fixtures.id(LocalDate.of(1930, 1, 1).plusDays(day)
                        .toString().replace("-", ""), seq), Relationship.SON).withHealth(health));
        Arbitrary<List<Member>> members = member.list().ofMinSize(1).ofMaxSize(5)
                .filter(ms -> ms.stream().map(Member::citizenId).distinct().count() == ms.size())
                .map(ms -> {
                    List<Member> out = new ArrayList<>(ms);
                    Member h = out.get(0);
                    out.set(0, new Member(h.name(), h.citizenId(), Relationship.HEAD, h.ethnicity(), h.education(),
                            h.studentStatus(), h.health(), h.labourAbility(), h.migrantWork(), h.monthsWorked(),
                            h.insurances(), h.servingSoldier()));
                    return out;
                });
        return Combinators.combine(members, Arbitraries.longs().between(1_000_000_000L, 9_999_999_999L),
                Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(19), Arbitraries.integers().between(1, 999))
                .as((ms, phone, bank, house) -> Household.builder().region(Fixtures.VILLAGE_A1)
                        .mainCause(PovertyCause.ILLNESS).members(ms).phone("1" + phone).bank("农商银行", "62" + bank)
                        .address("幸福路" + house + "号东侧").villageGroup("三组").build());
    }

    @Property(tries = 40)
    void noQualityResultCarriesRawPersonalData(@ForAll("households") Household given,
            @ForAll("maskedReaders") Principal reader) throws Exception {
        try (Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin())
                .plugin(new QualityServiceTest.TestQualityPlugin()).storage("memory").build()) {
            jz.regions().define(Fixtures.COUNTY_OFFICER, List.of(
                    new org.jingzhun.spi.region.Region(COUNTY, "贵池区", 537_000, false),
                    new org.jingzhun.spi.region.Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                    new org.jingzhun.spi.region.Region(Fixtures.VILLAGE_A1, "刘街村", 2_400, true)), "regions");
            Household stored = jz.registry().register(Fixtures.COUNTY_OFFICER, given, "登记");
            List<String> raw = new ArrayList<>();
            given.members().forEach(m -> raw.add(m.citizenId().value()));
            raw.add(given.phone());
            raw.add(given.bankAccount());
            raw.add(given.address());

            List<QualityFinding> found = new ArrayList<>();
            jz.quality().scan(reader, COUNTY, 2020, found::add);
            assertThat(found).extracting(QualityFinding::rule).contains("T-PHONE", "T-BANK", "T-ADDR");
            assertThat(found).filteredOn(f -> f.rule().equals("T-HEALTH")).allMatch(f -> f.value().equals("***"));
            List<Object> seen = new ArrayList<>(found);
            seen.add(jz.quality().report(reader, COUNTY, 2020, null));
            seen.add(jz.quality().accept(reader, found.get(0), "已核实"));
            seen.add(jz.quality().acceptances(reader, COUNTY));
            String out = jz.json().writeValueAsString(seen);
            for (String value : raw) {
                assertThat(out).as("raw value in output").doesNotContain(value);
            }
            assertThat(out).contains(stored.id());
            assertThat(Set.copyOf(found.stream().map(QualityFinding::householdId).toList()))
                    .isEqualTo(Set.of(stored.id()));
        }
    }
}
