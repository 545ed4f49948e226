package org.jingzhun.spi.storage;

import java.util.Objects;
import org.jingzhun.spi.region.RegionCode;

/**
 * A versioned aggregate that a capability of core (identification cases, plans, targets, pairings, funds…) keeps
 * as a JSON body. Storage indexes it by kind, region and year and never interprets the body; core maps it to its
 * typed record. This keeps the storage SPI small while every capability still gets versioned, region-scoped and
 * transactional persistence.
 *
 * @param kind    the aggregate type, e.g. {@code identification-case}; lower-case, at most 40 characters
 * @param id      unique within the kind and county
 * @param year    the year it concerns, or {@code null}
 * @param version optimistic-lock token, 0 before first storage
 * @param subject what the document is about, for lookups without scanning (usually a household id), or
 *                {@code null}; at most 100 characters
 */
public record StoredDocument(String kind, String id, RegionCode region, Integer year, long version, String body,
        String subject) {
    public StoredDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(body, "body");
    }

    /** A document without a subject. */
    public StoredDocument(String kind, String id, RegionCode region, Integer year, long version, String body) {
        this(kind, id, region, year, version, body, null);
    }

    public String countyCode() {
        return region.countyCode();
    }

    public StoredDocument withVersion(long v) {
        return new StoredDocument(kind, id, region, year, v, body, subject);
    }
}
