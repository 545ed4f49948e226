package org.jingzhun.spi.storage;

import java.util.List;
import java.util.function.Predicate;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;

/**
 * The append-only audit log: entries can be added and read, never changed or deleted. Each county's entries form a
 * hash chain ({@link AuditChain}) that storage extends as it appends: it gives each entry the county's next sequence,
 * the hash of the county's previous entry and the entry's own hash, one writer per county at a time, so that
 * concurrent units of work cannot fork a chain. Sequence, {@code prevHash} and {@code hash} of the entries passed in
 * are ignored.
 */
public interface AuditRepository {
    /** Appends an entry and returns it as stored: with its sequence and chain links. */
    AuditEntry append(AuditEntry entry);

    /**
     * Appends entries in order, with as few round trips as the backend allows (the bulk path core uses at the end of
     * every unit of work). Returns them as stored, in input order.
     */
    default List<AuditEntry> appendAll(List<AuditEntry> entries) {
        return entries.stream().map(this::append).toList();
    }

    /** Every entry about one entity (all in one county, as entity ids name their county), in sequence order. */
    List<AuditEntry> findByEntity(String entityType, String entityId);

    /** One keyset page of a county's entries matching {@code query}, newest (highest sequence) first. */
    List<AuditEntry> find(AuditQuery query);

    /**
     * Hands the entries of a county to {@code action} in sequence order, oldest first, until it returns false,
     * reading a page at a time so that a whole county's log is checked in constant memory.
     */
    void forEachInCounty(String countyCode, Predicate<AuditEntry> action);
}
