package org.jingzhun.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jingzhun.core.Versioned;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.storage.StoredDocument;

/**
 * Typed access to one kind of {@link StoredDocument}: a capability's aggregate (identification case, plan, target,
 * pairing…) kept as JSON with its version. The value's own id, region and year come from the given functions.
 *
 * @param <T> the aggregate record
 */
public final class DocumentStore<T> {
    private final String kind;
    private final Class<T> type;
    private final JsonCodec json;
    private final Function<T, String> id;
    private final Function<T, RegionCode> region;
    private final Function<T, Integer> year;
    private final Function<T, String> subject;

    public DocumentStore(String kind, Class<T> type, JsonCodec json, Function<T, String> id,
            Function<T, RegionCode> region, Function<T, Integer> year) {
        this(kind, type, json, id, region, year, v -> null);
    }

    private DocumentStore(String kind, Class<T> type, JsonCodec json, Function<T, String> id,
            Function<T, RegionCode> region, Function<T, Integer> year, Function<T, String> subject) {
        this.kind = kind;
        this.type = type;
        this.json = json;
        this.id = id;
        this.region = region;
        this.year = year;
        this.subject = subject;
    }

    /** The same store, indexing each document by what it is about (e.g. its household) for {@link #bySubject}. */
    public DocumentStore<T> withSubject(Function<T, String> subjectOf) {
        return new DocumentStore<>(kind, type, json, id, region, year, subjectOf);
    }

    /** Documents about {@code subjectId} in a county, id order; an indexed lookup, not a scan. */
    public List<Versioned<T>> bySubject(StorageTransaction tx, String countyCode, String subjectId) {
        return tx.documents().findBySubject(kind, countyCode, subjectId).stream().map(this::decode).toList();
    }

    /** Documents about any of {@code subjectIds} in a county, keyed by subject, each list in id order; bulk. */
    public Map<String, List<Versioned<T>>> bySubjects(StorageTransaction tx, String countyCode,
            java.util.Collection<String> subjectIds) {
        Map<String, List<Versioned<T>>> out = new java.util.LinkedHashMap<>();
        tx.documents().findBySubjects(kind, countyCode, subjectIds)
                .forEach((k, docs) -> out.put(k, docs.stream().map(this::decode).toList()));
        return out;
    }

    /** Saves {@code value}; {@code expectedVersion} 0 inserts. Returns the stored version. */
    public Versioned<T> save(StorageTransaction tx, T value, long expectedVersion) {
        StoredDocument stored = tx.documents().save(new StoredDocument(kind, id.apply(value), region.apply(value),
                year.apply(value), expectedVersion, json.write(value), subject.apply(value)));
        return new Versioned<>(value, stored.version());
    }

    /**
     * Saves many values in input order with one bulk call to storage; each {@link Versioned#version()} is the
     * expected stored version (0 inserts). Returns the stored versions in input order.
     */
    public List<Versioned<T>> saveAll(StorageTransaction tx, List<Versioned<T>> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<StoredDocument> docs = new ArrayList<>(values.size());
        for (Versioned<T> v : values) {
            T value = v.value();
            docs.add(new StoredDocument(kind, id.apply(value), region.apply(value), year.apply(value), v.version(),
                    json.write(value), subject.apply(value)));
        }
        List<StoredDocument> stored = tx.documents().saveAll(docs);
        List<Versioned<T>> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(new Versioned<>(values.get(i).value(), stored.get(i).version()));
        }
        return out;
    }

    public Optional<Versioned<T>> find(StorageTransaction tx, String countyCode, String docId) {
        return tx.documents().find(kind, countyCode, docId).map(this::decode);
    }

    /** The documents among {@code docIds} of a county, keyed by id, read in bulk; unknown ids are absent. */
    public Map<String, Versioned<T>> findAll(StorageTransaction tx, String countyCode,
            java.util.Collection<String> docIds) {
        Map<String, Versioned<T>> out = new java.util.LinkedHashMap<>();
        tx.documents().findAll(kind, countyCode, docIds).forEach((k, d) -> out.put(k, decode(d)));
        return out;
    }

    public Page<Versioned<T>> page(StorageTransaction tx, RegionCode area, Integer forYear, PageRequest page) {
        return tx.documents().findWithin(kind, area, forYear, page).map(this::decode);
    }

    /** Every document of this kind in the area (and year, when given), id order. */
    public List<Versioned<T>> all(StorageTransaction tx, RegionCode area, Integer forYear) {
        List<Versioned<T>> out = new ArrayList<>();
        PageRequest req = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Versioned<T>> p = page(tx, area, forYear, req);
            out.addAll(p.items());
            if (!p.hasNext()) {
                return out;
            }
            req = p.next();
        }
    }

    public void delete(StorageTransaction tx, String countyCode, String docId, long expectedVersion) {
        tx.documents().delete(kind, countyCode, docId, expectedVersion);
    }

    private Versioned<T> decode(StoredDocument d) {
        return new Versioned<>(json.read(d.body(), type), d.version());
    }

    public String kind() {
        return kind;
    }
}
