package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.example.district.DistrictGenerator;
import org.jingzhun.example.district.DistrictProfile;
import org.jingzhun.policy.national.NationalPolicyConfig;
import org.jingzhun.policy.national.NationalPolicyPlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.Region;
import org.jingzhun.storage.jdbc.JdbcStoragePlugin;
import org.junit.jupiter.api.Test;

/**
 * The audit page's chain check on a real database (embedded H2, as the demo runs): intact at first; after an entry is
 * rewritten behind the database's append-only trigger, the portal reports that entry as the first broken one.
 */
class PortalAuditChainTest {

    @Test
    void aRewrittenEntryIsReportedAsTheFirstBrokenSequence() throws SQLException {
        String url = "jdbc:h2:mem:portal-audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DistrictGenerator generator = new DistrictGenerator(DistrictProfile.guichi().scaled(0.01), 20140101L);
        Principal officer = Principal.officer("county-officer", generator.county());
        try (Jingzhun jz = Jingzhun.builder().plugin(new JdbcStoragePlugin())
                .plugin(new NationalPolicyPlugin(NationalPolicyConfig.defaults()))
                .storage("jdbc", Map.of("url", url, "user", "sa")).build()) {
            List<Region> regions = generator.regions();
            jz.regions().define(officer, regions, "division list 2014");
            List<Household> stored = jz.registry().registerAll(officer,
                    generator.baselineHouseholds(regions).subList(0, 5), "2014 baseline registration");
            jz.registry().amend(officer, stored.get(0).toBuilder().phone("13912345678").build(),
                    "phone number changed");
            UsersFile users = new UsersFile(List.of(new PortalUser("auditor", "县审计局 审计员", Role.AUDITOR,
                    generator.county(), UsersFile.hash(PortalFixture.PASSWORD))));
            try (PortalServer portal = PortalServer.start(jz, PortalServer.Options.defaults(users).withPort(0))) {
                PortalClient auditor = PortalClient.signedIn(portal, "auditor", PortalFixture.PASSWORD);
                JsonNode intact = auditor.json(auditor.get("/api/audit/verify"));
                assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();

                AuditEntry amend = jz.audit().entries(officer, AuditQuery.county(generator.county().countyCode(), 100)
                        .about("household", stored.get(0).id())).items().get(0);
                assertThat(amend.action()).isEqualTo("amend");
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP TRIGGER audit_log_append_only");
                    assertThat(s.executeUpdate("UPDATE audit_log SET reason = '按县长指示' WHERE county_code = '"
                            + generator.county().countyCode() + "' AND seq = " + amend.sequence())).isEqualTo(1);
                }

                JsonNode broken = auditor.json(auditor.get("/api/audit/verify"));
                assertThat(broken.get("intact").asBoolean()).isFalse();
                assertThat(broken.get("brokenSequence").asLong()).isEqualTo(amend.sequence());
                assertThat(broken.get("problem").asText()).isEqualTo("HASH_MISMATCH");
                assertThat(broken.get("problemLabel").asText()).contains("哈希不符");
                // The page lists the rewritten entry as it now reads; the check is what tells it was changed.
                JsonNode page = auditor.json(auditor.get("/api/audit?type=household&subject=" + stored.get(0).id()));
                assertThat(page.get("items").get(0).get("reason").asText()).isEqualTo("按县长指示");
            }
        }
    }
}
