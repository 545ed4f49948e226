package org.jingzhun.storage.memory.internal;

import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.DocumentRepository;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.StoredDocument;

/** Documents of one unit of work under the version rule; errors name the document's kind and id. */
final class MemoryDocumentRepository implements DocumentRepository {
    private final DocumentTable table;
    private final UnitOfWork unit;

    MemoryDocumentRepository(DocumentTable table, UnitOfWork unit) {
        this.table = table;
        this.unit = unit;
    }

    @Override
    public StoredDocument save(StoredDocument document) {
        unit.check();
        StoredDocument current = table.get(document.kind(), document.countyCode(), document.id());
        if (document.version() == 0) {
            VersionRule.requireAbsent(document.kind(), document.id(), current);
        } else {
            VersionRule.requireCurrent(document.kind(), document.id(), current == null ? null : current.version(),
                    document.version());
        }
        StoredDocument stored = document.withVersion(document.version() + 1);
        table.put(stored, unit.undo());
        return stored;
    }

    @Override
    public Optional<StoredDocument> find(String kind, String countyCode, String id) {
        unit.check();
        return Optional.ofNullable(table.get(kind, countyCode, id));
    }

    @Override
    public Page<StoredDocument> findWithin(String kind, RegionCode area, Integer year, PageRequest page) {
        unit.check();
        return Pages.slice(table.within(kind, area, year), page);
    }

    @Override
    public List<StoredDocument> findBySubject(String kind, String countyCode, String subject) {
        unit.check();
        return table.bySubject(kind, countyCode, subject);
    }

    @Override
    public void delete(String kind, String countyCode, String id, long expectedVersion) {
        unit.check();
        StoredDocument current = table.get(kind, countyCode, id);
        VersionRule.requireCurrent(kind, id, current == null ? null : current.version(), expectedVersion);
        table.remove(kind, countyCode, id, unit.undo());
    }
}
