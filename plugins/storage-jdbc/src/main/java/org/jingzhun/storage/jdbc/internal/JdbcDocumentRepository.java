package org.jingzhun.storage.jdbc.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.DocumentRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * Stored documents in {@code documents}, keyed (county_code, kind, id), under the version rule; an index on
 * (county_code, kind, subject) serves {@link #findBySubject}.
 */
final class JdbcDocumentRepository implements DocumentRepository {
    private static final String SELECT =
            "SELECT kind, id, region_code, doc_year, version, body, subject FROM documents";
    /** The same columns from the alias {@code d}, for lookups by many keys ({@link KeyLookup}). */
    private static final String SELECT_D =
            "SELECT d.kind, d.id, d.region_code, d.doc_year, d.version, d.body, d.subject";
    /** The columns of a document row, for the bulk path (plain JDBC batches, see {@link RawBatch}). */
    private static final List<Column<StoredDocument>> INSERT_COLUMNS = List.of(
            new Column<>("county_code", Types.VARCHAR, StoredDocument::countyCode),
            new Column<>("kind", Types.VARCHAR, StoredDocument::kind),
            new Column<>("id", Types.VARCHAR, StoredDocument::id),
            new Column<>("region_code", Types.VARCHAR, d -> d.region().value()),
            new Column<>("doc_year", Types.INTEGER, StoredDocument::year),
            new Column<>("version", Types.BIGINT, StoredDocument::version),
            new Column<>("body", Types.VARCHAR, StoredDocument::body),
            new Column<>("subject", Types.VARCHAR, StoredDocument::subject));
    private static final String RAW_INSERT = RawBatch.insert("documents", INSERT_COLUMNS);

    /** A document to store over the version it is expected to have. */
    private record Guarded(StoredDocument document, long expected) {
    }

    /** The parameters of {@link #RAW_UPDATE} in order: the new values, then the key and the expected version. */
    private static final List<Column<Guarded>> UPDATE_COLUMNS = List.of(
            new Column<>("region_code", Types.VARCHAR, g -> g.document().region().value()),
            new Column<>("doc_year", Types.INTEGER, g -> g.document().year()),
            new Column<>("body", Types.VARCHAR, g -> g.document().body()),
            new Column<>("subject", Types.VARCHAR, g -> g.document().subject()),
            new Column<>("version", Types.BIGINT, g -> g.document().version()),
            new Column<>("county_code", Types.VARCHAR, g -> g.document().countyCode()),
            new Column<>("kind", Types.VARCHAR, g -> g.document().kind()),
            new Column<>("id", Types.VARCHAR, g -> g.document().id()),
            new Column<>("expected", Types.BIGINT, Guarded::expected));
    private static final String RAW_UPDATE = "UPDATE documents SET region_code = ?, doc_year = ?, body = ?, "
            + "subject = ?, version = ? WHERE county_code = ? AND kind = ? AND id = ? AND version = ?";

    private static final RowMapper<StoredDocument> MAPPER = (rs, ctx) -> {
        int year = rs.getInt("doc_year");
        Integer docYear = rs.wasNull() ? null : year;
        return new StoredDocument(rs.getString("kind"), rs.getString("id"),
                new RegionCode(rs.getString("region_code")), docYear, rs.getLong("version"), rs.getString("body"),
                rs.getString("subject"));
    };

    private final Handle handle;
    private final Dialect dialect;
    private final int batchSize;

    JdbcDocumentRepository(Handle handle, Dialect dialect, int batchSize) {
        this.handle = handle;
        this.dialect = dialect;
        this.batchSize = batchSize;
    }

    /** A document's key. */
    private record Key(String county, String kind, String id) {
        static Key of(StoredDocument d) {
            return new Key(d.countyCode(), d.kind(), d.id());
        }
    }

    @Override
    public StoredDocument save(StoredDocument d) {
        StoredDocument stored = d.withVersion(d.version() + 1);
        if (d.version() == 0) {
            if (storedVersion(d.kind(), d.countyCode(), d.id()) != null) {
                throw VersionRule.duplicate(d.kind(), d.id());
            }
            try {
                RawBatch.insert(handle, RAW_INSERT, INSERT_COLUMNS, List.of(stored));
            } catch (JdbiException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw VersionRule.duplicate(d.kind(), d.id(), e);
                }
                throw e;
            }
        } else {
            int[] changed = RawBatch.execute(handle, RAW_UPDATE, UPDATE_COLUMNS,
                    List.of(new Guarded(stored, d.version())));
            if (VersionRule.missed(changed[0])) {
                throw VersionRule.lostWrite(d.kind(), d.id(), d.version(),
                        storedVersion(d.kind(), d.countyCode(), d.id()));
            }
        }
        return stored;
    }

    /**
     * Reads the stored versions of the batch's documents (one query per county, kind and {@link Chunks#KEYS} ids),
     * applies the rule in input order so that the first offender is named before anything is written, then writes
     * guarded updates (update counts checked) and inserts, each in batches.
     */
    @Override
    public List<StoredDocument> saveAll(List<StoredDocument> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<VersionedBatch.Write<StoredDocument>> writes = new VersionedBatch<Key, StoredDocument>(Key::of,
                StoredDocument::version, StoredDocument::kind, StoredDocument::id, true)
                .plan(documents, storedVersions(documents.stream().map(Key::of).distinct().toList()));
        List<VersionedBatch.Write<StoredDocument>> updates = writes.stream().filter(w -> !w.insert()).toList();
        for (List<VersionedBatch.Write<StoredDocument>> chunk : Chunks.of(updates, batchSize)) {
            List<Guarded> rows = new ArrayList<>(chunk.size());
            for (VersionedBatch.Write<StoredDocument> w : chunk) {
                rows.add(new Guarded(w.last().withVersion(w.newVersion()), w.expected()));
            }
            int[] counts = RawBatch.execute(handle, RAW_UPDATE, UPDATE_COLUMNS, rows);
            for (int i = 0; i < counts.length; i++) {
                if (VersionRule.missed(counts[i])) {
                    StoredDocument d = chunk.get(i).last();
                    throw VersionRule.lostWrite(d.kind(), d.id(), chunk.get(i).expected(),
                            storedVersion(d.kind(), d.countyCode(), d.id()));
                }
            }
        }
        List<VersionedBatch.Write<StoredDocument>> inserts = writes.stream().filter(VersionedBatch.Write::insert)
                .toList();
        try {
            for (List<VersionedBatch.Write<StoredDocument>> chunk : Chunks.of(inserts, batchSize)) {
                List<StoredDocument> rows = new ArrayList<>(chunk.size());
                for (VersionedBatch.Write<StoredDocument> w : chunk) {
                    rows.add(w.last().withVersion(w.newVersion()));
                }
                RawBatch.insert(handle, RAW_INSERT, INSERT_COLUMNS, rows);
            }
        } catch (JdbiException e) {
            // The keys were free when read; only a concurrent writer can have taken one since.
            if (SqlErrors.isUniqueViolation(e)) {
                throw VersionRule.duplicate("document", "(one of " + inserts.size() + " in the batch)", e);
            }
            throw e;
        }
        return documents.stream().map(d -> d.withVersion(d.version() + 1)).toList();
    }

    /** The stored versions of {@code keys}, read per county and kind, one chunk of ids at a time. */
    private Map<Key, Long> storedVersions(List<Key> keys) {
        Map<List<String>, List<String>> idsByCountyAndKind = new LinkedHashMap<>();
        for (Key k : keys) {
            idsByCountyAndKind.computeIfAbsent(List.of(k.county(), k.kind()), x -> new ArrayList<>()).add(k.id());
        }
        KeyLookup lookup = dialect.keyLookup("documents", "d", "id");
        Map<Key, Long> out = new HashMap<>();
        idsByCountyAndKind.forEach((countyAndKind, ids) -> {
            String county = countyAndKind.get(0);
            String kind = countyAndKind.get(1);
            for (List<String> chunk : Chunks.of(ids, Chunks.KEYS)) {
                lookup.bind(handle.createQuery("SELECT d.id, d.version FROM " + lookup.from()
                                + " WHERE d.county_code = :county AND d.kind = :kind AND " + lookup.where()
                                + dialect.lockingRead()), chunk)
                        .bind("county", county).bind("kind", kind)
                        .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getLong("version")))
                        .forEach(e -> out.put(new Key(county, kind, e.getKey()), e.getValue()));
            }
        });
        return out;
    }

    @Override
    public Optional<StoredDocument> find(String kind, String countyCode, String id) {
        return handle.createQuery(SELECT + " WHERE county_code = :county AND kind = :kind AND id = :id")
                .bind("county", countyCode).bind("kind", kind).bind("id", id)
                .map(MAPPER).findOne();
    }

    @Override
    public Map<String, StoredDocument> findAll(String kind, String countyCode, Collection<String> ids) {
        Map<String, StoredDocument> found = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("documents", "d", "id");
        for (List<String> chunk : Chunks.of(List.copyOf(new LinkedHashSet<>(ids)), Chunks.KEYS)) {
            lookup.bind(handle.createQuery(SELECT_D + " FROM " + lookup.from() + " WHERE d.county_code = :county "
                            + "AND d.kind = :kind AND " + lookup.where()), chunk)
                    .bind("county", countyCode).bind("kind", kind)
                    .map(MAPPER).forEach(d -> found.put(d.id(), d));
        }
        Map<String, StoredDocument> out = new LinkedHashMap<>();
        for (String id : ids) {
            StoredDocument d = found.get(id);
            if (d != null) {
                out.put(id, d);
            }
        }
        return out;
    }

    @Override
    public Page<StoredDocument> findWithin(String kind, RegionCode area, Integer year, PageRequest page) {
        if (page.after() != null) {
            throw new IllegalArgumentException("documents are paged by offset, not after a key");
        }
        AreaFilter filter = new AreaFilter(area);
        // A whole county is every document of the county: read along the primary key (county_code, kind, id) in
        // key order instead of through the region index and a sort. Narrower areas go through the region index.
        boolean county = area.level() == RegionLevel.COUNTY;
        String where = " WHERE kind = :kind AND " + (county ? "county_code = :area_county" : filter.condition())
                + (year == null ? "" : " AND doc_year = :year");
        String order = county ? " ORDER BY county_code, kind, id" : " ORDER BY id, county_code";
        Query items = bindArea(handle.createQuery(SELECT + where + order + " LIMIT :limit OFFSET :offset"), filter,
                county, area)
                .bind("kind", kind).bind("limit", page.limit() + 1).bind("offset", page.offset());
        Query count = bindArea(handle.createQuery("SELECT COUNT(*) FROM documents" + where), filter, county, area)
                .bind("kind", kind);
        if (year != null) {
            items.bind("year", year.intValue());
            count.bind("year", year.intValue());
        }
        // One row beyond the page tells whether more follow, so the area is counted only when the caller asks.
        List<StoredDocument> found = items.map(MAPPER).list();
        boolean more = found.size() > page.limit();
        return new Page<>(more ? found.subList(0, page.limit()) : found,
                page.counted() ? count.mapTo(Long.class).one() : null, page, more, null);
    }

    private static Query bindArea(Query query, AreaFilter filter, boolean county, RegionCode area) {
        return county ? query.bind("area_county", area.countyCode()) : filter.bind(query);
    }

    @Override
    public Map<String, List<StoredDocument>> findBySubjects(String kind, String countyCode,
            Collection<String> subjects) {
        Map<String, List<StoredDocument>> found = new HashMap<>();
        KeyLookup lookup = dialect.keyLookup("documents", "d", "subject");
        for (List<String> chunk : Chunks.of(List.copyOf(new LinkedHashSet<>(subjects)), Chunks.KEYS)) {
            lookup.bind(handle.createQuery(SELECT_D + " FROM " + lookup.from() + " WHERE d.county_code = :county "
                            + "AND d.kind = :kind AND " + lookup.where()), chunk)
                    .bind("county", countyCode).bind("kind", kind)
                    .map(MAPPER).forEach(d -> found.computeIfAbsent(d.subject(), k -> new ArrayList<>()).add(d));
        }
        Map<String, List<StoredDocument>> out = new LinkedHashMap<>();
        for (String subject : subjects) {
            List<StoredDocument> docs = found.get(subject);
            if (docs != null) {
                docs.sort(java.util.Comparator.comparing(StoredDocument::id));
                out.put(subject, docs);
            }
        }
        return out;
    }

    @Override
    public List<StoredDocument> findBySubject(String kind, String countyCode, String subject) {
        return handle.createQuery(SELECT + " WHERE county_code = :county AND kind = :kind AND subject = :subject"
                        + " ORDER BY id")
                .bind("county", countyCode).bind("kind", kind).bind("subject", subject)
                .map(MAPPER).list();
    }

    @Override
    public void delete(String kind, String countyCode, String id, long expectedVersion) {
        int deleted = handle.createUpdate("DELETE FROM documents WHERE county_code = :county AND kind = :kind "
                        + "AND id = :id AND version = :version")
                .bind("county", countyCode).bind("kind", kind).bind("id", id).bind("version", expectedVersion)
                .execute();
        if (deleted == 0) {
            throw VersionRule.lostWrite(kind, id, expectedVersion, storedVersion(kind, countyCode, id));
        }
    }

    private Long storedVersion(String kind, String county, String id) {
        return handle.createQuery("SELECT version FROM documents WHERE county_code = :county AND kind = :kind "
                        + "AND id = :id")
                .bind("county", county).bind("kind", kind).bind("id", id)
                .mapTo(Long.class).findOne().orElse(null);
    }
}
