package org.jingzhun.storage.jdbc.internal;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jingzhun.spi.household.Household;

/**
 * The bulk path of imports: writes many new households (already checked and in stored form) with their members on the
 * transaction's handle. A failure leaves partial writes behind in the transaction, which the unit of work then rolls
 * back whole.
 */
interface BulkHouseholdWriter {
    void write(Handle handle, List<Household> households);
}
