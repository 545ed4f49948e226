package org.jingzhun.spi.storage;

import java.util.Optional;
import org.jingzhun.spi.region.RegionCode;

/**
 * Versioned JSON aggregates of core's capabilities ({@link StoredDocument}). Same version rule as
 * {@link HouseholdRepository}: version 0 inserts, otherwise the stored version must match and is incremented.
 */
public interface DocumentRepository {
    StoredDocument save(StoredDocument document);

    /**
     * Saves many documents with the rule of {@link #save}, in input order, with as few round trips as the backend
     * allows. On the first document that breaks the rule it throws the same exception {@link #save} would, naming
     * that document; the caller's transaction then rolls back. Returns the stored versions in input order.
     */
    default java.util.List<StoredDocument> saveAll(java.util.List<StoredDocument> documents) {
        return documents.stream().map(this::save).toList();
    }

    Optional<StoredDocument> find(String kind, String countyCode, String id);

    /** The stored documents of a kind in a county among {@code ids}, keyed by id; unknown ids are absent. */
    default java.util.Map<String, StoredDocument> findAll(String kind, String countyCode,
            java.util.Collection<String> ids) {
        java.util.Map<String, StoredDocument> out = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            find(kind, countyCode, id).ifPresent(d -> out.put(id, d));
        }
        return out;
    }

    /**
     * Documents of a kind inside {@code area}, optionally of one year, ordered by id; paged by offset (requests after
     * a key are refused with {@link IllegalArgumentException}), counted only when the request asks.
     */
    Page<StoredDocument> findWithin(String kind, RegionCode area, Integer year, PageRequest page);

    /**
     * Documents of a kind in a county whose {@link StoredDocument#subject()} equals {@code subject}, ordered by id.
     * Indexed: core uses it on every workflow step (the open case of a household, its current cadre).
     */
    java.util.List<StoredDocument> findBySubject(String kind, String countyCode, String subject);

    /**
     * Documents of a kind in a county about any of {@code subjects}, keyed by subject, each list in id order; subjects
     * without documents are absent. The bulk form of {@link #findBySubject} (the open cases of a list of households).
     */
    default java.util.Map<String, java.util.List<StoredDocument>> findBySubjects(String kind, String countyCode,
            java.util.Collection<String> subjects) {
        java.util.Map<String, java.util.List<StoredDocument>> out = new java.util.LinkedHashMap<>();
        for (String subject : subjects) {
            java.util.List<StoredDocument> found = findBySubject(kind, countyCode, subject);
            if (!found.isEmpty()) {
                out.put(subject, found);
            }
        }
        return out;
    }

    void delete(String kind, String countyCode, String id, long expectedVersion);
}
