package org.jingzhun.storage.jdbc.internal;

import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.error.StorageException;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.AuditRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;

/**
 * The append-only {@code audit_log}: the database assigns each entry's sequence from an identity column, and the
 * primary key is (county_code, seq). Timestamps are stored as UTC date-times with microsecond precision.
 */
final class JdbcAuditRepository implements AuditRepository {
    private static final String COLUMNS = "seq, entity_type, entity_id, region_code, action, actor_id, actor_name, "
            + "at_utc, reason, before_json, after_json";
    private static final RowMapper<AuditEntry> MAPPER = (rs, ctx) -> new AuditEntry(rs.getLong("seq"),
            rs.getString("entity_type"), rs.getString("entity_id"), new RegionCode(rs.getString("region_code")),
            rs.getString("action"), rs.getString("actor_id"), rs.getString("actor_name"),
            rs.getObject("at_utc", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("reason"),
            rs.getString("before_json"), rs.getString("after_json"));


    /** The inserted columns of an entry, for the bulk path. */
    private static final List<Column<AuditEntry>> COLUMN_LIST = List.of(
            new Column<>("county_code", Types.VARCHAR, AuditEntry::countyCode),
            new Column<>("entity_type", Types.VARCHAR, AuditEntry::entityType),
            new Column<>("entity_id", Types.VARCHAR, AuditEntry::entityId),
            new Column<>("region_code", Types.VARCHAR, e -> e.region().value()),
            new Column<>("action", Types.VARCHAR, AuditEntry::action),
            new Column<>("actor_id", Types.VARCHAR, AuditEntry::actorId),
            new Column<>("actor_name", Types.VARCHAR, AuditEntry::actorName),
            new Column<>("at_utc", Types.TIMESTAMP, e -> LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC)),
            new Column<>("reason", Types.VARCHAR, AuditEntry::reason),
            new Column<>("before_json", Types.VARCHAR, AuditEntry::before),
            new Column<>("after_json", Types.VARCHAR, AuditEntry::after));
    private static final String RAW_INSERT = RawBatch.insert("audit_log", COLUMN_LIST);

    private final Handle handle;
    private final int batchSize;

    JdbcAuditRepository(Handle handle, int batchSize) {
        this.handle = handle;
        this.batchSize = batchSize;
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * One JDBC batch per {@code batchSize} entries, each returning the sequences the database assigned, in batch
     * order. H2, PostgreSQL and MariaDB (whose driver then sends the inserts one by one, pipelined, instead of with
     * its bulk protocol) all return a key per row; a driver that returned fewer would fail the unit of work here
     * rather than have sequences guessed.
     */
    @Override
    public List<AuditEntry> appendAll(List<AuditEntry> entries) {
        List<AuditEntry> out = new ArrayList<>(entries.size());
        for (List<AuditEntry> chunk : Chunks.of(entries, batchSize)) {
            List<Long> sequences = RawBatch.insertReturningKeys(handle, RAW_INSERT, COLUMN_LIST, chunk, "seq");
            if (sequences.size() != chunk.size()) {
                throw new StorageException("storage.failed", "the database returned " + sequences.size()
                        + " audit sequences for a batch of " + chunk.size());
            }
            for (int i = 0; i < chunk.size(); i++) {
                out.add(chunk.get(i).withSequence(sequences.get(i)));
            }
        }
        return out;
    }

    @Override
    public List<AuditEntry> findByEntity(String entityType, String entityId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE entity_type = :type "
                        + "AND entity_id = :id ORDER BY seq")
                .bind("type", entityType).bind("id", entityId)
                .map(MAPPER).list();
    }

    @Override
    public Page<AuditEntry> findByCounty(String countyCode, PageRequest page) {
        List<AuditEntry> items = handle.createQuery("SELECT " + COLUMNS + " FROM audit_log "
                        + "WHERE county_code = :county ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .bind("county", countyCode).bind("limit", page.limit()).bind("offset", page.offset())
                .map(MAPPER).list();
        long total = handle.createQuery("SELECT COUNT(*) FROM audit_log WHERE county_code = :county")
                .bind("county", countyCode).mapTo(Long.class).one();
        return new Page<>(items, total, page);
    }
}
