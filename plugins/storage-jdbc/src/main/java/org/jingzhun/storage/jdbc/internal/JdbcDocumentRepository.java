package org.jingzhun.storage.jdbc.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jingzhun.spi.region.RegionCode;
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

    @Override
    public StoredDocument save(StoredDocument d) {
        if (d.version() == 0) {
            if (storedVersion(d.kind(), d.countyCode(), d.id()) != null) {
                throw VersionRule.duplicate(d.kind(), d.id());
            }
            try {
                handle.createUpdate("INSERT INTO documents (county_code, kind, id, region_code, doc_year, version, "
                                + "body, subject) VALUES (:county, :kind, :id, :region, :year, 1, :body, :subject)")
                        .bind("county", d.countyCode()).bind("kind", d.kind()).bind("id", d.id())
                        .bind("region", d.region().value()).bind("year", d.year()).bind("body", d.body())
                        .bind("subject", d.subject())
                        .execute();
            } catch (JdbiException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw VersionRule.duplicate(d.kind(), d.id(), e);
                }
                throw e;
            }
        } else {
            int changed = handle.createUpdate("UPDATE documents SET region_code = :region, doc_year = :year, "
                            + "body = :body, subject = :subject, version = version + 1 WHERE county_code = :county "
                            + "AND kind = :kind AND id = :id AND version = :version")
                    .bind("county", d.countyCode()).bind("kind", d.kind()).bind("id", d.id())
                    .bind("region", d.region().value()).bind("year", d.year()).bind("body", d.body())
                    .bind("version", d.version()).bind("subject", d.subject())
                    .execute();
            if (changed == 0) {
                throw VersionRule.lostWrite(d.kind(), d.id(), d.version(),
                        storedVersion(d.kind(), d.countyCode(), d.id()));
            }
        }
        return d.withVersion(d.version() + 1);
    }

    @Override
    public Optional<StoredDocument> find(String kind, String countyCode, String id) {
        return handle.createQuery(SELECT + " WHERE county_code = :county AND kind = :kind AND id = :id")
                .bind("county", countyCode).bind("kind", kind).bind("id", id)
                .map(MAPPER).findOne();
    }

    @Override
    public Page<StoredDocument> findWithin(String kind, RegionCode area, Integer year, PageRequest page) {
        AreaFilter filter = new AreaFilter(area);
        String where = " WHERE kind = :kind AND " + filter.condition() + (year == null ? "" : " AND doc_year = :year");
        Query items = filter.bind(handle.createQuery(SELECT + where
                        + " ORDER BY id, county_code LIMIT :limit OFFSET :offset"))
                .bind("kind", kind).bind("limit", page.limit()).bind("offset", page.offset());
        Query count = filter.bind(handle.createQuery("SELECT COUNT(*) FROM documents" + where)).bind("kind", kind);
        if (year != null) {
            items.bind("year", year.intValue());
            count.bind("year", year.intValue());
        }
        List<StoredDocument> found = items.map(MAPPER).list();
        return new Page<>(found, count.mapTo(Long.class).one(), page);
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
