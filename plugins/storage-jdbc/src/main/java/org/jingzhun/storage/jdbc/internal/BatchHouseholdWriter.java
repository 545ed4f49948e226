package org.jingzhun.storage.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jingzhun.spi.household.Household;
import org.jingzhun.storage.jdbc.internal.HouseholdRows.MemberRow;

/**
 * Bulk writes as JDBC batches of {@code batchSize} rows: households first, then members. On MariaDB the driver sends
 * each batch with its bulk protocol ({@code useBulkStmtsForInserts}), on H2 as one prepared batch.
 */
final class BatchHouseholdWriter implements BulkHouseholdWriter {
    private final int batchSize;

    BatchHouseholdWriter(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public void write(Handle handle, List<Household> households) {
        for (List<Household> chunk : Chunks.of(households, batchSize)) {
            PreparedBatch batch = handle.prepareBatch(HouseholdRows.INSERT_HOUSEHOLD);
            for (Household h : chunk) {
                Bind.columns(batch, HouseholdRows.HOUSEHOLD_COLUMNS, h).add();
            }
            batch.execute();
        }
        List<MemberRow> members = new ArrayList<>();
        for (Household h : households) {
            members.addAll(HouseholdRows.memberRows(h));
        }
        for (List<MemberRow> chunk : Chunks.of(members, batchSize)) {
            PreparedBatch batch = handle.prepareBatch(HouseholdRows.INSERT_MEMBER);
            for (MemberRow row : chunk) {
                Bind.columns(batch, HouseholdRows.MEMBER_COLUMNS, row).add();
            }
            batch.execute();
        }
    }
}
