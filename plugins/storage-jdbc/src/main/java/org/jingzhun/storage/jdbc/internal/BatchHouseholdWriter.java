package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jingzhun.spi.household.Household;
import org.jingzhun.storage.jdbc.internal.HouseholdRows.MemberRow;

/**
 * Bulk writes as JDBC batches of {@code batchSize} rows: households first, then members. On MariaDB the driver sends
 * each batch with its bulk protocol ({@code useBulkStmtsForInserts}), on H2 as one prepared batch.
 */
final class BatchHouseholdWriter implements BulkHouseholdWriter {
    private static final String INSERT_HOUSEHOLD = RawBatch.insert("households", HouseholdRows.HOUSEHOLD_COLUMNS);
    private static final String INSERT_MEMBER = RawBatch.insert("members", HouseholdRows.MEMBER_COLUMNS);
    private final int batchSize;

    BatchHouseholdWriter(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public void write(Handle handle, List<Household> households) {
        for (List<Household> chunk : Chunks.of(households, batchSize)) {
            RawBatch.insert(handle, INSERT_HOUSEHOLD, HouseholdRows.HOUSEHOLD_COLUMNS, chunk);
        }
        List<MemberRow> members = new ArrayList<>();
        for (Household h : households) {
            members.addAll(HouseholdRows.memberRows(h));
        }
        for (List<MemberRow> chunk : Chunks.of(members, batchSize)) {
            RawBatch.insert(handle, INSERT_MEMBER, HouseholdRows.MEMBER_COLUMNS, chunk);
        }
    }
}
