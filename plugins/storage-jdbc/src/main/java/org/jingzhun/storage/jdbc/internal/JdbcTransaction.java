package org.jingzhun.storage.jdbc.internal;

import org.jdbi.v3.core.Handle;
import org.jingzhun.spi.storage.AuditRepository;
import org.jingzhun.spi.storage.DocumentRepository;
import org.jingzhun.spi.storage.HouseholdRepository;
import org.jingzhun.spi.storage.IncomeRepository;
import org.jingzhun.spi.storage.RegionRepository;
import org.jingzhun.spi.storage.StorageTransaction;

/** The repositories of one unit of work, all on the same Jdbi handle and so in the same database transaction. */
final class JdbcTransaction implements StorageTransaction {
    private final RegionRepository regions;
    private final HouseholdRepository households;
    private final IncomeRepository incomes;
    private final AuditRepository audit;
    private final DocumentRepository documents;

    JdbcTransaction(Handle handle, Dialect dialect, BulkHouseholdWriter bulk, int batchSize) {
        regions = new JdbcRegionRepository(handle, dialect);
        households = new JdbcHouseholdRepository(handle, dialect, bulk, batchSize);
        incomes = new JdbcIncomeRepository(handle, dialect, batchSize);
        audit = new JdbcAuditRepository(handle, dialect, batchSize);
        documents = new JdbcDocumentRepository(handle, dialect, batchSize);
    }

    @Override
    public RegionRepository regions() {
        return regions;
    }

    @Override
    public HouseholdRepository households() {
        return households;
    }

    @Override
    public IncomeRepository incomes() {
        return incomes;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public DocumentRepository documents() {
        return documents;
    }
}
