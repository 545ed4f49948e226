package org.jingzhun.storage.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.AuditRepository;

/**
 * The append-only {@code audit_log}, primary key (county_code, seq), and its per-county hash chain. Appending locks
 * the county's row of {@code audit_chain_heads} ({@code SELECT … FOR UPDATE}, created on first use without racing),
 * numbers and links the entries from it, writes them as raw batches and moves the head, all in the unit of work's
 * transaction: concurrent writers to one county take turns for that last step, and a rolled-back unit leaves the head
 * where it was. Counties are locked in code order, so two units writing several counties cannot deadlock on them.
 * The database refuses UPDATE and DELETE on {@code audit_log} (triggers of migration V7_2). Timestamps are stored as
 * UTC date-times with microsecond precision.
 */
final class JdbcAuditRepository implements AuditRepository {
    static final String COLUMNS = "seq, entity_type, entity_id, region_code, action, actor_id, actor_name, "
            + "at_utc, reason, before_json, after_json, prev_hash, entry_hash";
    private static final RowMapper<AuditEntry> MAPPER = (rs, ctx) -> read(rs);
    private static final int READ_PAGE = 1_000;

    /** The inserted columns of an entry, for the bulk path. */
    private static final List<Column<AuditEntry>> COLUMN_LIST = List.of(
            new Column<>("county_code", Types.VARCHAR, AuditEntry::countyCode),
            new Column<>("seq", Types.BIGINT, AuditEntry::sequence),
            new Column<>("entity_type", Types.VARCHAR, AuditEntry::entityType),
            new Column<>("entity_id", Types.VARCHAR, AuditEntry::entityId),
            new Column<>("region_code", Types.VARCHAR, e -> e.region().value()),
            new Column<>("action", Types.VARCHAR, AuditEntry::action),
            new Column<>("actor_id", Types.VARCHAR, AuditEntry::actorId),
            new Column<>("actor_name", Types.VARCHAR, AuditEntry::actorName),
            new Column<>("at_utc", Types.TIMESTAMP, e -> LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC)),
            new Column<>("reason", Types.VARCHAR, AuditEntry::reason),
            new Column<>("before_json", Types.VARCHAR, AuditEntry::before),
            new Column<>("after_json", Types.VARCHAR, AuditEntry::after),
            new Column<>("prev_hash", Types.VARCHAR, AuditEntry::prevHash),
            new Column<>("entry_hash", Types.VARCHAR, AuditEntry::hash));
    private static final String RAW_INSERT = RawBatch.insert("audit_log", COLUMN_LIST);

    private final Handle handle;
    private final Dialect dialect;
    private final int batchSize;

    JdbcAuditRepository(Handle handle, Dialect dialect, int batchSize) {
        this.handle = handle;
        this.dialect = dialect;
        this.batchSize = batchSize;
    }

    /** An entry from a row selecting {@link #COLUMNS} (by name). */
    static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getString("entity_type"), rs.getString("entity_id"),
                new RegionCode(rs.getString("region_code")), rs.getString("action"), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getObject("at_utc", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("reason"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Per county, in county-code order: lock the chain head, link the county's entries in input order, insert them
     * in JDBC batches of {@code batchSize}, store the new head. Four round trips plus the batches per county.
     */
    @Override
    public List<AuditEntry> appendAll(List<AuditEntry> entries) {
        Map<String, List<Integer>> positionsByCounty = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            positionsByCounty.computeIfAbsent(entries.get(i).countyCode(), c -> new ArrayList<>()).add(i);
        }
        AuditEntry[] out = new AuditEntry[entries.size()];
        for (Map.Entry<String, List<Integer>> county : positionsByCounty.entrySet()) {
            Head head = lockHead(county.getKey());
            long seq = head.lastSeq();
            String prev = head.lastHash();
            List<AuditEntry> linked = new ArrayList<>(county.getValue().size());
            for (int position : county.getValue()) {
                AuditEntry e = AuditChain.link(entries.get(position), ++seq, prev);
                prev = e.hash();
                linked.add(e);
                out[position] = e;
            }
            for (List<AuditEntry> chunk : Chunks.of(linked, batchSize)) {
                RawBatch.insert(handle, RAW_INSERT, COLUMN_LIST, chunk);
            }
            handle.createUpdate("UPDATE audit_chain_heads SET last_seq = :seq, last_hash = :hash "
                            + "WHERE county_code = :county")
                    .bind("seq", seq).bind("hash", prev).bind("county", county.getKey()).execute();
        }
        return Arrays.asList(out);
    }

    /** The county's chain head, locked until the transaction ends; created (empty chain) on the county's first entry. */
    private Head lockHead(String county) {
        Head head = selectHeadForUpdate(county);
        if (head != null) {
            return head;
        }
        try (PreparedStatement ps = handle.getConnection().prepareStatement(dialect.insertChainHead())) {
            ps.setString(1, county);
            ps.setLong(2, 0);
            ps.setString(3, AuditChain.GENESIS);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw new RawBatch.Failed(e);
            }
            // Another transaction created the head first (H2); it is committed now, so the lock below finds it.
        }
        head = selectHeadForUpdate(county);
        if (head == null) {
            throw new IllegalStateException("the audit chain head of county " + county + " vanished");
        }
        return head;
    }

    private Head selectHeadForUpdate(String county) {
        return handle.createQuery("SELECT last_seq, last_hash FROM audit_chain_heads WHERE county_code = :county "
                        + "FOR UPDATE")
                .bind("county", county)
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2).strip()))
                .findOne().orElse(null);
    }

    private record Head(long lastSeq, String lastHash) {
    }

    @Override
    public List<AuditEntry> findByEntity(String entityType, String entityId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE entity_type = :type "
                        + "AND entity_id = :id ORDER BY county_code, seq")
                .bind("type", entityType).bind("id", entityId)
                .map(MAPPER).list();
    }

    /**
     * Read backwards along the primary key from the keyset position; the entity filter may use the entity index
     * instead. No OFFSET and no count, so every page costs the same.
     */
    @Override
    public List<AuditEntry> find(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE county_code = :county");
        if (q.from() != null) {
            sql.append(" AND at_utc >= :from");
        }
        if (q.to() != null) {
            sql.append(" AND at_utc < :to");
        }
        if (q.actorId() != null) {
            sql.append(" AND actor_id = :actor");
        }
        if (q.entityType() != null) {
            sql.append(" AND entity_type = :type");
        }
        if (q.entityId() != null) {
            sql.append(" AND entity_id = :id");
        }
        if (q.beforeSequence() != null) {
            sql.append(" AND seq < :before");
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("county", q.countyCode()).bind("limit", q.limit());
        if (q.from() != null) {
            query.bind("from", LocalDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            query.bind("to", LocalDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.actorId() != null) {
            query.bind("actor", q.actorId());
        }
        if (q.entityType() != null) {
            query.bind("type", q.entityType());
        }
        if (q.entityId() != null) {
            query.bind("id", q.entityId());
        }
        if (q.beforeSequence() != null) {
            query.bind("before", q.beforeSequence());
        }
        return query.map(MAPPER).list();
    }

    /** Keyset pages of {@value #READ_PAGE} along the primary key. */
    @Override
    public void forEachInCounty(String countyCode, Predicate<AuditEntry> action) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditEntry> page = handle.createQuery("SELECT " + COLUMNS + " FROM audit_log "
                            + "WHERE county_code = :county AND seq > :after ORDER BY seq LIMIT :limit")
                    .bind("county", countyCode).bind("after", after).bind("limit", READ_PAGE)
                    .map(MAPPER).list();
            for (AuditEntry e : page) {
                if (!action.test(e)) {
                    return;
                }
            }
            if (page.size() < READ_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }
}
