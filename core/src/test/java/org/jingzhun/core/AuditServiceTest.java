package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.VILLAGE_B1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jingzhun.core.audit.AuditPage;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.audit.AuditVerification;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log through the facade: a mutation without a reason writes nothing, a county's chain verifies, and its
 * entries are read newest first in keyset pages filtered by period, actor and subject, by principals with the AUDIT
 * permission over the whole county only, with before/after masked for those who may not see personal data.
 */
class AuditServiceTest {
    private static final Principal OTHER_CLERK = Principal.officer("other-clerk", COUNTY);

    private final Jingzhun jz = Fixtures.newJingzhun();

    @AfterEach
    void close() {
        jz.close();
    }

    @Test
    void aMutationWithoutAReasonIsRefusedAndWritesNothing() {
        long entries = newestSequence();
        for (String blank : new String[] {null, "", "   \t"}) {
            assertThatThrownBy(() -> jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2),
                    blank)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                    .singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("reason");
                        assertThat(v.code()).isEqualTo("validation.required");
                    }));
        }
        Household h = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2), "baseline");
        assertThatThrownBy(() -> jz.registry().amend(COUNTY_OFFICER, h.toBuilder().address("新址").build(), " "))
                .isInstanceOf(ValidationException.class);

        assertThat(jz.registry().count(COUNTY_OFFICER, COUNTY)).isEqualTo(1);
        assertThat(newestSequence()).isEqualTo(entries + 1);
        assertThat(jz.registry().get(COUNTY_OFFICER, h.id())).isEqualTo(h);
    }

    @Test
    void verifyWalksTheCountysWholeChain() {
        Household h = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2), "baseline");
        jz.registry().amend(COUNTY_OFFICER, h.toBuilder().address("新址").build(), "moved");
        jz.registry().registerAll(OTHER_CLERK, List.of(Fixtures.household(VILLAGE_B1, 10, 3),
                Fixtures.household(VILLAGE_B1, 20, 1)), "import");

        AuditVerification result = jz.audit().verify(COUNTY_OFFICER, VILLAGE_A1);

        assertThat(result.intact()).isTrue();
        assertThat(result.countyCode()).isEqualTo("341702");
        assertThat(result.checked()).isEqualTo(newestSequence());
        assertThat(result.brokenSequence()).isNull();
    }

    @Test
    void entriesComeNewestFirstInKeysetPagesFilteredByActorSubjectAndPeriod() {
        Household h = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2), "baseline");
        for (int i = 0; i < 5; i++) {
            h = jz.registry().amend(i % 2 == 0 ? OTHER_CLERK : COUNTY_OFFICER,
                    h.toBuilder().address("地址" + i).build(), "correction " + i);
        }
        Household other = jz.registry().register(OTHER_CLERK, Fixtures.household(VILLAGE_B1, 10, 1), "baseline");
        String hid = h.id();

        List<AuditEntry> all = new ArrayList<>();
        AuditQuery query = AuditQuery.county("341702", 3);
        int pages = 0;
        while (true) {
            AuditPage page = jz.audit().entries(AUDITOR, query);
            all.addAll(page.items());
            pages++;
            if (!page.hasNext()) {
                assertThat(page.next()).isNull();
                break;
            }
            query = page.next();
        }
        long newest = newestSequence();
        List<AuditEntry> byOther = jz.audit().entries(COUNTY_OFFICER, AuditQuery.county("341702", 100)
                .byActor("other-clerk")).items();
        List<AuditEntry> aboutH = jz.audit().entries(COUNTY_OFFICER, AuditQuery.county("341702", 100)
                .about("household", hid)).items();
        List<AuditEntry> none = jz.audit().entries(COUNTY_OFFICER, AuditQuery.county("341702", 100)
                .during(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2001-01-01T00:00:00Z"))).items();

        assertThat(all).extracting(AuditEntry::sequence).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .hasSize((int) newest);
        assertThat(pages).isGreaterThan(2);
        assertThat(all.get(0).entityId()).isEqualTo(other.id());
        assertThat(byOther).extracting(AuditEntry::reason)
                .containsExactly("baseline", "correction 4", "correction 2", "correction 0");
        assertThat(aboutH).hasSize(6).allSatisfy(e -> assertThat(e.entityId()).isEqualTo(hid));
        assertThat(aboutH.get(0).before()).contains("地址3");
        assertThat(aboutH.get(0).after()).contains("地址4");
        assertThat(aboutH.get(0).hash()).isEqualTo(AuditChain.hash(aboutH.get(0)));
        assertThat(none).isEmpty();
    }

    @Test
    void beforeAndAfterAreMaskedForThoseWhoMayNotSeePersonalData() {
        Household h = jz.registry().register(COUNTY_OFFICER, Fixtures.household(VILLAGE_A1, 1, 2).toBuilder()
                .phone("13912345678").build(), "baseline");
        Principal auditor = new Principal("auditor", "审计员", COUNTY, EnumSet.of(Permission.AUDIT));

        AuditEntry seen = jz.audit().entries(auditor, AuditQuery.county("341702", 1)).items().get(0);

        assertThat(seen.entityId()).isEqualTo(h.id());
        assertThat(seen.actorId()).isEqualTo("county-clerk");
        assertThat(seen.reason()).isEqualTo("baseline");
        assertThat(seen.before()).isNull();
        assertThat(seen.after()).contains("139****5678", h.members().get(0).citizenId().masked())
                .doesNotContain("13912345678", h.members().get(0).citizenId().value());
        assertThat(jz.audit().verify(auditor, COUNTY).intact()).isTrue();
        // Reading the log unmasked is itself a read of personal data, and recorded as one.
        jz.audit().entries(COUNTY_OFFICER, AuditQuery.county("341702", 10));
        assertThat(jz.audit().entries(auditor, AuditQuery.county("341702", 1).about("disclosure", "341702"))
                .items()).singleElement().satisfies(e -> assertThat(e.actorId()).isEqualTo("county-clerk"));
    }

    @Test
    void onlyPrincipalsWithTheAuditPermissionOverTheWholeCountyMayReadOrVerify() {
        Principal viewer = Principal.viewer("viewer", COUNTY);
        Principal villageOfficer = Principal.officer("village", VILLAGE_A1);
        Principal otherCounty = Principal.officer("elsewhere", RegionCode.of("341721"));

        assertThatThrownBy(() -> jz.audit().verify(viewer, COUNTY)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.audit().entries(viewer, AuditQuery.county("341702", 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.audit().verify(villageOfficer, VILLAGE_A1))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.audit().entries(otherCounty, AuditQuery.county("341702", 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jz.audit().verify(COUNTY_OFFICER, RegionCode.of("341700")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("audit.county_required"));
    }

    @Test
    void theHostCanCheckTheStorageWithoutHoldingIt() {
        assertThat(jz.storageReachable()).isTrue();
        Jingzhun closed = Fixtures.newJingzhun();
        closed.close();
        assertThat(closed.storageReachable()).isFalse();
    }

    /** Reads the log masked, so that reading it records nothing (an unmasked read is itself audited). */
    private static final Principal AUDITOR = new Principal("auditor", "审计员", COUNTY, EnumSet.of(Permission.AUDIT));

    private long newestSequence() {
        return jz.audit().entries(AUDITOR, AuditQuery.county("341702", 1)).items().stream()
                .mapToLong(AuditEntry::sequence).findFirst().orElse(0);
    }
}
