package org.jingzhun.storage.memory.internal;

import org.jingzhun.spi.storage.AuditRepository;
import org.jingzhun.spi.storage.DocumentRepository;
import org.jingzhun.spi.storage.HouseholdRepository;
import org.jingzhun.spi.storage.IncomeRepository;
import org.jingzhun.spi.storage.RegionRepository;
import org.jingzhun.spi.storage.StorageTransaction;

/** The repositories of one unit of work over the shared tables, all recording into the unit's undo log. */
final class MemoryTransaction implements StorageTransaction {
    private final RegionRepository regions;
    private final HouseholdRepository households;
    private final IncomeRepository incomes;
    private final AuditRepository audit;
    private final DocumentRepository documents;

    MemoryTransaction(MemoryStorage.Tables tables, UnitOfWork unit) {
        regions = new MemoryRegionRepository(tables.regions(), unit);
        households = new MemoryHouseholdRepository(tables.households(), unit);
        incomes = new MemoryIncomeRepository(tables.incomes(), tables.households(), unit);
        audit = new MemoryAuditRepository(tables.audit(), unit);
        documents = new MemoryDocumentRepository(tables.documents(), unit);
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
