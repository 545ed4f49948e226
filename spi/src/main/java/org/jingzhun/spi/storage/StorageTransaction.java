package org.jingzhun.spi.storage;

/**
 * The repositories seen inside one unit of work. Everything done through them commits together when the work
 * returns and is rolled back entirely when it throws.
 */
public interface StorageTransaction {
    RegionRepository regions();

    HouseholdRepository households();

    IncomeRepository incomes();

    AuditRepository audit();

    DocumentRepository documents();
}
