package org.jingzhun.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditVerification;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.testkit.SampleData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log's integrity on a real database (审计防篡改): the database itself refuses UPDATE and DELETE on
 * {@code audit_log}; entries forged by SQL, and entries altered once the append-only trigger is dropped, are found
 * by walking the county's hash chain as core's {@code audit().verify} does; and entries written before the chain
 * existed are linked by the migration so that later appends continue their chain.
 */
abstract class AbstractAuditIntegrityTest {
    private static final String HISTORY_TABLE = "jingzhun_schema_history";
    private static final String COUNTY = SampleData.COUNTY.countyCode();
    private static final String OTHER = SampleData.OTHER_COUNTY.countyCode();

    private final SampleData data = new SampleData();
    private TestDatabase.Schema schema;
    private Storage storage;

    abstract TestDatabase database();

    /** The folder of the dialect's migrations. */
    abstract String migrationFolder();

    /** SQL that drops the dialect's append-only triggers, as only the schema's owner could. */
    abstract List<String> dropAppendOnlyTriggers();

    @BeforeEach
    void newSchema() {
        schema = database().newSchema();
    }

    @AfterEach
    void drop() {
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            if (schema != null) {
                schema.drop().run();
            }
        }
    }

    @Test
    void theDatabaseRefusesUpdateAndDeleteOfAuditEntries() throws SQLException {
        storage = TestDatabase.open(schema.config());
        List<AuditEntry> stored = append(COUNTY, 3);

        try (Connection c = schema.connect()) {
            assertThatThrownBy(() -> execute(c, "UPDATE audit_log SET reason = 'rewritten' WHERE seq = "
                    + stored.get(1).sequence()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(c, "DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }

        List<AuditEntry> read = storage.inTransaction(tx -> tx.audit().findByEntity("household", "341702-00000001"));
        assertThat(read).containsExactlyElementsOf(stored);
        AuditVerification result = verify(COUNTY);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void anEntryChangedBehindTheTriggersBackBreaksTheChainWhereItWasChanged() throws SQLException {
        storage = TestDatabase.open(schema.config());
        List<AuditEntry> county = append(COUNTY, 4);
        List<AuditEntry> other = append(OTHER, 4);

        try (Connection c = schema.connect()) {
            for (String sql : dropAppendOnlyTriggers()) {
                execute(c, sql);
            }
            execute(c, "UPDATE audit_log SET reason = '按县长指示' WHERE county_code = '" + COUNTY + "' AND seq = "
                    + county.get(1).sequence());
            // A careful forger also recomputes the changed entry's own hash; the next entry's link still breaks.
            AuditEntry changed = other.get(1);
            AuditEntry forged = AuditChain.link(new AuditEntry(0, changed.entityType(), changed.entityId(),
                    changed.region(), "approve", "county-chief", "县长", changed.at(), changed.reason(),
                    changed.before(), changed.after()), changed.sequence(), changed.prevHash());
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET action = ?, actor_id = ?, "
                    + "actor_name = ?, entry_hash = ? WHERE county_code = ? AND seq = ?")) {
                ps.setString(1, forged.action());
                ps.setString(2, forged.actorId());
                ps.setString(3, forged.actorName());
                ps.setString(4, forged.hash());
                ps.setString(5, OTHER);
                ps.setLong(6, forged.sequence());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }

        assertThat(verify(COUNTY)).isEqualTo(new AuditVerification(COUNTY, 2, county.get(1).sequence(),
                AuditVerification.Problem.HASH_MISMATCH, county.get(0).sequence()));
        assertThat(verify(OTHER)).isEqualTo(new AuditVerification(OTHER, 3, other.get(2).sequence(),
                AuditVerification.Problem.PREV_LINK_BROKEN, other.get(1).sequence()));
    }

    @Test
    void entriesForgedBySqlAreFound() throws SQLException {
        storage = TestDatabase.open(schema.config());
        List<AuditEntry> county = append(COUNTY, 3);
        List<AuditEntry> other = append(OTHER, 2);
        AuditEntry last = county.get(2);
        // "Approved by the county chief, dated 2015", appended after the last entry with a made-up hash.
        AuditEntry approval = new AuditEntry(last.sequence() + 1, "household", "341702-00000001",
                SampleData.VILLAGE_A1, "approve", "county-chief", "县长", Instant.parse("2015-06-30T08:00:00Z"),
                "补录", null, "{\"status\":\"EXITED\"}", last.hash(), "ab".repeat(32));
        // A well-formed entry (hash computed as storage would) slipped in before the other county's first one (a
        // negative sequence: MariaDB would replace 0 by the next AUTO_INCREMENT value).
        AuditEntry first = other.get(0);
        AuditEntry slipped = AuditChain.link(new AuditEntry(0, "household", "341721-00000001",
                SampleData.OTHER_COUNTY_VILLAGE, "register", "county-chief", "县长",
                Instant.parse("2014-01-01T00:00:00Z"), "补录", null, "{}"), first.sequence() - 10, AuditChain.GENESIS);
        try (Connection c = schema.connect()) {
            insertRaw(c, approval);
            insertRaw(c, slipped);
        }

        assertThat(verify(COUNTY)).isEqualTo(new AuditVerification(COUNTY, 4, approval.sequence(),
                AuditVerification.Problem.HASH_MISMATCH, last.sequence()));
        assertThat(verify(OTHER)).isEqualTo(new AuditVerification(OTHER, 2, first.sequence(),
                AuditVerification.Problem.PREV_LINK_BROKEN, slipped.sequence()));
    }

    @Test
    void entriesWrittenBeforeTheChainAreLinkedByTheMigrationAndLaterAppendsContinueIt() throws SQLException {
        JdbcStorageConfig config = schema.config();
        Flyway.configure()
                .dataSource(config.url(), config.user(), config.password())
                .locations("classpath:org/jingzhun/storage/jdbc/migration/" + migrationFolder())
                .table(HISTORY_TABLE)
                .loggers("slf4j")
                .target("6")
                .load()
                .migrate();
        // Sequences as an identity column left them: shared by the counties, with gaps from rolled-back units.
        List<AuditEntry> old = new ArrayList<>();
        long[] countySeqs = {5, 9, 12};
        long[] otherSeqs = {7, 10};
        for (long seq : countySeqs) {
            old.add(numbered(data.auditEntry("household", "341702-00000001", SampleData.VILLAGE_A1, "amend"), seq));
        }
        for (long seq : otherSeqs) {
            old.add(numbered(data.auditEntry("household", "341721-00000001", SampleData.OTHER_COUNTY_VILLAGE,
                    "amend"), seq));
        }
        try (Connection c = schema.connect()) {
            for (AuditEntry e : old) {
                insertOld(c, e);
            }
        }

        storage = TestDatabase.open(config);

        AuditVerification county = verify(COUNTY);
        assertThat(county.intact()).isTrue();
        assertThat(county.checked()).isEqualTo(3);
        assertThat(verify(OTHER).checked()).isEqualTo(2);
        List<AuditEntry> migrated = storage.inTransaction(tx -> tx.audit().findByEntity("household",
                "341702-00000001"));
        assertThat(migrated).extracting(AuditEntry::sequence).containsExactly(5L, 9L, 12L);
        assertThat(migrated.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        AuditEntry next = storage.inTransaction(tx -> tx.audit().append(
                data.auditEntry("household", "341702-00000001", SampleData.VILLAGE_A1, "amend")));
        assertThat(next.sequence()).isEqualTo(13);
        assertThat(next.prevHash()).isEqualTo(migrated.get(2).hash());
        assertThat(verify(COUNTY).checked()).isEqualTo(4);
        try (Connection c = schema.connect()) {
            assertThatThrownBy(() -> execute(c, "DELETE FROM audit_log")).isInstanceOf(SQLException.class);
        }
    }

    private static AuditEntry numbered(AuditEntry e, long seq) {
        return new AuditEntry(seq, e.entityType(), e.entityId(), e.region(), e.action(), e.actorId(), e.actorName(),
                e.at(), e.reason(), e.before(), e.after());
    }

    private List<AuditEntry> append(String county, int count) {
        RegionCode village = county.equals(COUNTY) ? SampleData.VILLAGE_A1 : SampleData.OTHER_COUNTY_VILLAGE;
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(data.auditEntry("household", county + "-00000001", village, i == 0 ? "register" : "amend"));
        }
        return storage.inTransaction(tx -> tx.audit().appendAll(entries));
    }

    private AuditVerification verify(String county) {
        AuditChain.Verifier verifier = AuditChain.verifier(county);
        storage.inTransaction(tx -> {
            tx.audit().forEachInCounty(county, verifier::accept);
            return null;
        });
        return verifier.result();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void insertRaw(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (county_code, seq, entity_type, "
                + "entity_id, region_code, action, actor_id, actor_name, at_utc, reason, before_json, after_json, "
                + "prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindContent(ps, e);
            ps.setString(13, e.prevHash());
            ps.setString(14, e.hash());
            ps.executeUpdate();
        }
    }

    /** An entry as written before version 7: no chain columns. */
    private static void insertOld(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (county_code, seq, entity_type, "
                + "entity_id, region_code, action, actor_id, actor_name, at_utc, reason, before_json, after_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindContent(ps, e);
            ps.executeUpdate();
        }
    }

    private static void bindContent(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setString(1, e.countyCode());
        ps.setLong(2, e.sequence());
        ps.setString(3, e.entityType());
        ps.setString(4, e.entityId());
        ps.setString(5, e.region().value());
        ps.setString(6, e.action());
        ps.setString(7, e.actorId());
        ps.setString(8, e.actorName());
        ps.setObject(9, LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC));
        ps.setString(10, e.reason());
        ps.setString(11, e.before());
        ps.setString(12, e.after());
    }
}
