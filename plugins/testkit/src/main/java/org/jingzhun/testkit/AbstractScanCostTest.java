package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scan cost (扫描代价) a storage backend must keep: the paths that walk an area read about as many rows per household
 * whatever the registry's size. The test fills three counties of a province, measures the rows the backend reads for
 * each path, grows the registry tenfold and measures again; a path that sorts or counts the whole area on every page,
 * or joins a county's members to a list of keys row by row, reads about ten times as many rows the second time. Rows
 * are counted by the backend ({@link #rowsReadBy}), never timed.
 */
public abstract class AbstractScanCostTest {
    /** Households per county in the small registry; the large one has ten times as many. */
    protected static final int SMALL = 100;
    private static final int PAGE = 50;
    private static final RegionCode PROVINCE = RegionCode.of("340000");
    private static final List<RegionCode> VILLAGES = List.of(RegionCode.of("340102001001"),
            RegionCode.of("341702100201"), RegionCode.of("341721100201"));

    private final SampleData data = new SampleData();
    private Storage storage;
    private final List<String> ids = new ArrayList<>();

    /** A new, empty storage; closed after each test. */
    protected abstract Storage createStorage();

    /**
     * How many table rows the backend read while {@code work} ran in one unit of work on {@code storage}, by the
     * backend's own account (a counter it keeps, or the database's statistics).
     */
    protected abstract long rowsReadBy(Storage storage, Consumer<StorageTransaction> work);

    /**
     * Brings the backend's planner statistics up to date after a load, as its background analysis would; nothing by
     * default. A planner guessing on a table it has never analysed may scan a small table where an index serves.
     */
    protected void analyze(Storage storage) {
    }

    @BeforeEach
    void open() {
        storage = createStorage();
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void pagesScansAndKeyLookupsReadTheSameRowsPerHouseholdAtTenTimesTheSize() {
        grow(SMALL);
        Map<String, Double> small = costs();
        grow(SMALL * 9);
        Map<String, Double> large = costs();
        System.out.println(getClass().getSimpleName() + " rows read, small registry " + small + ", ten times "
                + large);

        // The fixed paths read the same rows at either size; a scan reads the same rows per household. A small
        // allowance covers index pages and the walk from county to county.
        large.forEach((path, cost) -> assertThat(cost).as(path + " (small registry: " + small.get(path) + ")")
                .isLessThanOrEqualTo(small.get(path) * 1.5 + 5));
        assertThat(small.get("first page")).as("a first page reads about its own rows").isLessThan(PAGE * 10.0);
    }

    /** Rows read by each path: per page or lookup, or per household for whole scans. */
    private Map<String, Double> costs() {
        List<String> sorted = ids.stream().sorted().toList();
        // Well inside the second county, so the page must seek to it rather than read the first county.
        String middle = sorted.stream().filter(id -> id.startsWith("341702")).toList().get(SMALL / 2);
        List<String> scattered = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            scattered.add(sorted.get(i * sorted.size() / PAGE));
        }
        int households = ids.size();
        return Map.of(
                "first page", (double) rowsReadBy(storage,
                        tx -> assertThat(tx.households().findWithin(PROVINCE, PageRequest.first(PAGE)).items())
                                .hasSize(PAGE)),
                "page after a key", (double) rowsReadBy(storage,
                        tx -> assertThat(tx.households().findWithin(PROVINCE, PageRequest.first(PAGE).after(middle))
                                .items()).hasSize(PAGE)),
                "households by key", (double) rowsReadBy(storage,
                        tx -> assertThat(tx.households().findAll(scattered)).hasSize(PAGE)),
                "scan per household", rowsReadBy(storage, tx -> {
                    long[] n = {0};
                    tx.households().forEachWithin(PROVINCE, h -> n[0]++);
                    assertThat(n[0]).isEqualTo(households);
                }) / (double) households,
                "summary scan per household", rowsReadBy(storage, tx -> {
                    long[] n = {0};
                    tx.households().forEachSummaryWithin(PROVINCE, h -> n[0]++);
                    assertThat(n[0]).isEqualTo(households);
                }) / (double) households);
    }

    /** Adds {@code perCounty} households to each county, through the bulk path. */
    private void grow(int perCounty) {
        for (RegionCode village : VILLAGES) {
            for (int done = 0; done < perCounty; done += 500) {
                List<Household> batch = data.households(village, Math.min(500, perCounty - done));
                storage.inTransaction(tx -> tx.households().insertAll(batch));
                batch.forEach(h -> ids.add(h.id()));
            }
        }
        analyze(storage);
    }
}
