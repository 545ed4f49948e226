package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.testkit.SampleData.COUNTY;
import static org.jingzhun.testkit.SampleData.OTHER_COUNTY;
import static org.jingzhun.testkit.SampleData.OTHER_COUNTY_VILLAGE;
import static org.jingzhun.testkit.SampleData.PREFECTURE;
import static org.jingzhun.testkit.SampleData.TOWNSHIP_A;
import static org.jingzhun.testkit.SampleData.TOWNSHIP_B;
import static org.jingzhun.testkit.SampleData.VILLAGE_A1;
import static org.jingzhun.testkit.SampleData.VILLAGE_A2;
import static org.jingzhun.testkit.SampleData.VILLAGE_B1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jingzhun.spi.audit.AuditChain;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;
import org.jingzhun.spi.audit.AuditVerification;
import org.jingzhun.spi.error.ConflictException;
import org.jingzhun.spi.error.JingzhunException;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdSummary;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.LandHolding;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.person.Sex;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.Storage;
import org.jingzhun.spi.storage.StorageTransaction;
import org.jingzhun.spi.storage.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract (存储契约) every {@link Storage} backend must pass. A backend's test class extends it and
 * implements {@link #createStorage()}; each test gets a fresh, empty storage and closes it afterwards.
 *
 * <p>Beyond the SPI javadoc, the contract pins down what portals rely on:
 * <ul>
 *   <li>a household's id starts with the 6-digit county code of its region ({@code 341702-…}); a mismatch, an
 *       insert of a version other than 0 or a missing id is refused with {@link IllegalArgumentException};</li>
 *   <li>an income statement is stored under the county its household id names;</li>
 *   <li>decimals (areas, land, amounts) come back with scale 2 whatever scale they were given with;</li>
 *   <li>audit timestamps are kept to the microsecond (truncated), the finest precision common databases keep;</li>
 *   <li>errors carry the SPI codes: {@code storage.duplicate}, {@code storage.version_conflict} and
 *       {@code storage.not_found}, with the record's id in the message;</li>
 *   <li>a unit of work that throws leaves storage exactly as it was, whatever it inserted, changed or deleted;</li>
 *   <li>households of an area are paged in id order by key ({@code PageRequest.after}, the page's last id) or by
 *       offset, across counties too, with a total only when the request asks for one;</li>
 *   <li>a unit of work started inside another on the same thread joins it and commits or rolls back with it.</li>
 * </ul>
 */
public abstract class AbstractStorageContractTest {
    /** The storage under test, fresh for every test. */
    protected Storage storage;
    /** Sample records with unique ids for the current test. */
    protected final SampleData data = new SampleData();

    /** A new, empty storage; the contract closes it after each test. */
    protected abstract Storage createStorage();

    @BeforeEach
    void openStorage() {
        storage = createStorage();
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    /** Runs {@code work} in its own unit of work and returns its result. */
    protected <T> T inTx(Function<StorageTransaction, T> work) {
        return storage.inTransaction(work);
    }

    /** Runs {@code work} in its own unit of work. */
    protected void run(Consumer<StorageTransaction> work) {
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    // Typed reads, each in its own unit of work: assertions read better and Java infers their types.

    protected List<StoredDocument> documentsAbout(String kind, String subject) {
        return inTx(tx -> tx.documents().findBySubject(kind, COUNTY.countyCode(), subject));
    }

    protected Optional<Region> findRegion(RegionCode code) {
        return inTx(tx -> tx.regions().find(code));
    }

    protected List<Region> regionsWithin(RegionCode area) {
        return inTx(tx -> tx.regions().findWithin(area));
    }

    protected Optional<Household> findHousehold(String id) {
        return inTx(tx -> tx.households().find(id));
    }

    protected List<Household> activeWith(CitizenId citizenId) {
        return inTx(tx -> tx.households().findActiveByCitizenId(citizenId));
    }

    protected long countWithin(RegionCode area) {
        return inTx(tx -> tx.households().countWithin(area));
    }

    protected Page<Household> householdsWithin(RegionCode area, PageRequest page) {
        return inTx(tx -> tx.households().findWithin(area, page));
    }

    protected Optional<IncomeStatement> findIncome(String householdId, int year) {
        return inTx(tx -> tx.incomes().find(householdId, year));
    }

    protected List<IncomeStatement> incomesOf(String householdId) {
        return inTx(tx -> tx.incomes().findByHousehold(householdId));
    }

    protected Map<String, IncomeStatement> incomesWithin(RegionCode area, int year) {
        return inTx(tx -> tx.incomes().findYearWithin(area, year));
    }

    protected List<AuditEntry> auditOf(String entityType, String entityId) {
        return inTx(tx -> tx.audit().findByEntity(entityType, entityId));
    }

    /** How many entries the county's log holds. */
    protected long auditCount(String countyCode) {
        return inTx(tx -> countAudit(tx, countyCode));
    }

    private static long countAudit(StorageTransaction tx, String countyCode) {
        long[] n = {0};
        tx.audit().forEachInCounty(countyCode, e -> ++n[0] > 0);
        return n[0];
    }

    protected Optional<StoredDocument> findDocument(String kind, String countyCode, String id) {
        return inTx(tx -> tx.documents().find(kind, countyCode, id));
    }

    protected Page<StoredDocument> documentsWithin(String kind, RegionCode area, Integer year, PageRequest page) {
        return inTx(tx -> tx.documents().findWithin(kind, area, year, page));
    }

    /** Asserts that {@code action} throws an exception of {@code type} carrying {@code code} and naming {@code id}. */
    protected static void assertFailsWith(Class<? extends JingzhunException> type, String code, String id,
            Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(type, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(id);
        });
    }

    // ---------------------------------------------------------------------------------------------------- regions

    @Test
    void savedRegionIsFoundByCode() {
        Region village = new Region(VILLAGE_A1, "刘街村", 2_310, true);
        run(tx -> tx.regions().save(village));

        assertThat(findRegion(VILLAGE_A1)).contains(village);
        assertThat(findRegion(VILLAGE_A2)).isEmpty();
    }

    @Test
    void savingAnExistingRegionReplacesNamePopulationAndPoorFlag() {
        run(tx -> tx.regions().save(new Region(VILLAGE_A1, "刘街村", 2_310, true)));
        Region renamed = new Region(VILLAGE_A1, "刘街社区", 2_405, false);
        run(tx -> tx.regions().save(renamed));

        assertThat(findRegion(VILLAGE_A1)).contains(renamed);
        assertThat(regionsWithin(VILLAGE_A1)).containsExactly(renamed);
    }

    @Test
    void regionsWithinAnAreaComeInCodeOrderAndIncludeTheAreaItself() {
        List<Region> all = new ArrayList<>(data.regions());
        Collections.reverse(all);
        run(tx -> all.forEach(tx.regions()::save));
        Map<RegionCode, Region> byCode = new HashMap<>();
        all.forEach(r -> byCode.put(r.code(), r));

        assertThat(regionsWithin(COUNTY)).extracting(Region::code)
                .containsExactly(COUNTY, TOWNSHIP_A, VILLAGE_A1, VILLAGE_A2, TOWNSHIP_B, VILLAGE_B1);
        assertThat(regionsWithin(TOWNSHIP_A))
                .containsExactly(byCode.get(TOWNSHIP_A), byCode.get(VILLAGE_A1), byCode.get(VILLAGE_A2));
        assertThat(regionsWithin(VILLAGE_B1)).containsExactly(byCode.get(VILLAGE_B1));
        assertThat(regionsWithin(PREFECTURE)).extracting(Region::code)
                .containsExactly(COUNTY, TOWNSHIP_A, VILLAGE_A1, VILLAGE_A2, TOWNSHIP_B, VILLAGE_B1, OTHER_COUNTY,
                        OTHER_COUNTY_VILLAGE);
        assertThat(regionsWithin(RegionCode.of("341703"))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------- households

    @Test
    void insertedHouseholdIsFoundEqualWithVersionOne() {
        Household h = data.household();

        Household stored = inTx(tx -> tx.households().insert(h));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored).isEqualTo(h.toBuilder().version(1).build());
        Household loaded = findHousehold(h.id()).orElseThrow();
        assertThat(loaded).isEqualTo(stored);
        // Spelled out so that a failure names the part that did not survive the round trip.
        assertThat(loaded.members()).containsExactlyElementsOf(h.members());
        assertThat(loaded.housing()).isEqualTo(h.housing());
        assertThat(loaded.land()).isEqualTo(h.land());
        assertThat(loaded.flags()).isEqualTo(h.flags());
        assertThat(loaded.otherCauses()).containsExactlyElementsOf(h.otherCauses());
        assertThat(loaded.mutualAidContribution()).isEqualTo(new BigDecimal("2000.00"));
    }

    @Test
    void optionalHouseholdFieldsRoundTripAsNullOrEmpty() {
        Member only = new Member("檀𠀀", data.nextCitizenId(LocalDate.of(1940, 2, 29), Sex.FEMALE), Relationship.HEAD,
                "98", Education.ILLITERATE,
                StudentStatus.NOT_STUDENT,
                HealthStatus.SERIOUS_ILLNESS,
                LabourAbility.LOST, MigrantWork.NONE, 0,
                Set.of(), true);
        Household sparse = data.householdBuilder(VILLAGE_A2)
                .villageGroup("")
                .address(null)
                .phone(null)
                .bank(null, null)
                .housing(new Housing(new BigDecimal("0.00"), HousingStructure.OTHER, null, HousingSafety.NO_HOUSING))
                .land(null)
                .mutualAid(false, null)
                .otherCauses(List.of())
                .flags(Set.of())
                .members(List.of(only))
                .build();

        Household stored = inTx(tx -> tx.households().insert(sparse));

        assertThat(stored).isEqualTo(sparse.toBuilder().version(1).build());
        assertThat(findHousehold(sparse.id())).contains(stored);
    }

    @Test
    void decimalsAreStoredWithScaleTwo() {
        Household h = data.householdBuilder(VILLAGE_A1)
                .land(LandHolding.none())
                .housing(new Housing(new BigDecimal("45.5"), HousingStructure.BRICK_CONCRETE, 2001,
                        HousingSafety.SAFE))
                .mutualAid(true, new BigDecimal("300"))
                .build();

        Household stored = inTx(tx -> tx.households().insert(h));
        Household loaded = findHousehold(h.id()).orElseThrow();

        assertThat(loaded).isEqualTo(stored);
        assertThat(loaded.land().arable()).isEqualTo(new BigDecimal("0.00"));
        assertThat(loaded.land().forest()).isEqualTo(new BigDecimal("0.00"));
        assertThat(loaded.housing().area()).isEqualTo(new BigDecimal("45.50"));
        assertThat(loaded.mutualAidContribution()).isEqualTo(new BigDecimal("300.00"));
    }

    @Test
    void insertingAnExistingIdIsADuplicate() {
        Household first = data.household();
        Household stored = inTx(tx -> tx.households().insert(first));
        Household sameId = data.householdBuilder(VILLAGE_A2).id(first.id()).build();

        assertFailsWith(ConflictException.class, "storage.duplicate", first.id(),
                () -> inTx(tx -> tx.households().insert(sameId)));
        assertThat(findHousehold(first.id())).contains(stored);
    }

    @Test
    void insertRefusesVersionedHouseholdsMissingIdsAndIdsOfAnotherCounty() {
        Household versioned = data.householdBuilder(VILLAGE_A1).version(3).build();
        Household withoutId = data.householdBuilder(VILLAGE_A1).id(null).build();
        Household elsewhere = data.householdBuilder(VILLAGE_A1).id(OTHER_COUNTY.countyCode() + "-00000001").build();

        assertThatThrownBy(() -> inTx(tx -> tx.households().insert(versioned)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inTx(tx -> tx.households().insert(withoutId)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inTx(tx -> tx.households().insert(elsewhere)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(countWithin(PREFECTURE)).isZero();
    }

    @Test
    void updateReplacesTheWholeHouseholdAndBumpsTheVersion() {
        Household stored = inTx(tx -> tx.households().insert(data.household()));
        Member spouse = stored.members().get(1);
        Member newcomer = data.member(Relationship.DAUGHTER_IN_LAW, LocalDate.of(2003, 11, 30), Sex.FEMALE);
        List<Member> members = new ArrayList<>(stored.members());
        members.remove(spouse);
        members.add(1, newcomer);
        Collections.swap(members, 2, 3);
        Household changed = stored.toBuilder()
                .status(PovertyStatus.EXITED)
                .address("梅街镇新村安置点7栋")
                .housing(null)
                .flags(Set.of(HouseholdFlag.TWO_DAUGHTERS))
                .otherCauses(List.of(PovertyCause.LACK_OF_LABOUR))
                .members(members)
                .build();

        Household updated = inTx(tx -> tx.households().update(changed));

        assertThat(updated).isEqualTo(changed.toBuilder().version(2).build());
        assertThat(findHousehold(stored.id())).contains(updated);
        assertThat(activeWith(spouse.citizenId())).isEmpty();
        assertThat(activeWith(newcomer.citizenId())).containsExactly(updated);
    }

    @Test
    void updateWithAStaleVersionIsAVersionConflict() {
        Household stored = inTx(tx -> tx.households().insert(data.household()));
        Household winner = inTx(tx -> tx.households().update(stored.toBuilder().address("甲").build()));
        Household stale = stored.toBuilder().address("乙").build();

        assertFailsWith(ConflictException.class, "storage.version_conflict", stored.id(),
                () -> inTx(tx -> tx.households().update(stale)));
        assertThat(findHousehold(stored.id())).contains(winner);
    }

    @Test
    void updateOfAnUnknownHouseholdIsNotFound() {
        Household ghost = data.householdBuilder(VILLAGE_A1).version(1).build();

        assertFailsWith(NotFoundException.class, "storage.not_found", ghost.id(),
                () -> inTx(tx -> tx.households().update(ghost)));
        assertThat(findHousehold(ghost.id())).isEmpty();
    }

    @Test
    void deleteRemovesTheHouseholdAndItsMembers() {
        Household stored = inTx(tx -> tx.households().insert(data.household()));

        run(tx -> tx.households().delete(stored.id(), 1));

        assertThat(findHousehold(stored.id())).isEmpty();
        assertThat(activeWith(stored.members().get(0).citizenId())).isEmpty();
        assertThat(countWithin(COUNTY)).isZero();
        Household again = inTx(tx -> tx.households().insert(stored.toBuilder().version(0).build()));
        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void deleteFollowsTheVersionRule() {
        Household stored = inTx(tx -> tx.households().insert(data.household()));
        Household updated = inTx(tx -> tx.households().update(stored.toBuilder().phone("0566-2021234").build()));

        assertFailsWith(ConflictException.class, "storage.version_conflict", stored.id(),
                () -> run(tx -> tx.households().delete(stored.id(), 1)));
        assertThat(findHousehold(stored.id())).contains(updated);
        assertFailsWith(NotFoundException.class, "storage.not_found", "341702-99999999",
                () -> run(tx -> tx.households().delete("341702-99999999", 1)));
    }

    @Test
    void findWithinPagesThroughAnAreaInIdOrder() {
        List<Household> households = new ArrayList<>();
        RegionCode[] villages = {VILLAGE_A1, VILLAGE_B1, VILLAGE_A2, VILLAGE_A1, OTHER_COUNTY_VILLAGE, VILLAGE_A2,
                VILLAGE_B1, VILLAGE_A1};
        for (RegionCode v : villages) {
            households.add(data.household(v));
        }
        List<Household> insertionOrder = new ArrayList<>(households);
        Collections.reverse(insertionOrder);
        run(tx -> insertionOrder.forEach(tx.households()::insert));
        List<String> countyIds = idsIn(households, COUNTY);

        Page<Household> first = householdsWithin(COUNTY, PageRequest.first(3).withTotal());
        Page<Household> second = householdsWithin(COUNTY, first.next());
        Page<Household> third = householdsWithin(COUNTY, second.next());

        assertThat(countyIds).hasSize(7);
        assertThat(first.items()).extracting(Household::id).containsExactlyElementsOf(countyIds.subList(0, 3));
        assertThat(second.items()).extracting(Household::id).containsExactlyElementsOf(countyIds.subList(3, 6));
        assertThat(third.items()).extracting(Household::id).containsExactlyElementsOf(countyIds.subList(6, 7));
        assertThat(first.total()).isEqualTo(7L);
        assertThat(second.total()).isNull();
        assertThat(third.total()).isNull();
        assertThat(List.of(first.hasNext(), second.hasNext(), third.hasNext())).containsExactly(true, true, false);
        assertThat(second.request().after()).isEqualTo(countyIds.get(2));
        assertThat(List.of(first.lastKey(), second.lastKey(), third.lastKey()))
                .containsExactly(countyIds.get(2), countyIds.get(5), countyIds.get(6));
        Page<Household> numbered = householdsWithin(COUNTY, new PageRequest(3, 3));
        assertThat(numbered.items()).extracting(Household::id).containsExactlyElementsOf(countyIds.subList(3, 6));
        assertThat(numbered.total()).isEqualTo(7L);
        assertThat(numbered.hasNext()).isTrue();
        assertThat(householdsWithin(COUNTY, numbered.next()).items()).extracting(Household::id)
                .containsExactly(countyIds.get(6));
        assertThat(first.items().get(0)).isEqualTo(
                households.stream().filter(h -> h.id().equals(countyIds.get(0))).findFirst().orElseThrow()
                        .toBuilder().version(1).build());

        Page<Household> township = householdsWithin(TOWNSHIP_A, PageRequest.first(10).withTotal());
        assertThat(township.items()).extracting(Household::id).containsExactlyElementsOf(idsIn(households, TOWNSHIP_A));
        assertThat(township.total()).isEqualTo(5L);
        assertThat(township.hasNext()).isFalse();
        List<String> townshipIds = idsIn(households, TOWNSHIP_A);
        assertThat(householdsWithin(TOWNSHIP_A, PageRequest.first(2).after(townshipIds.get(1))).items())
                .extracting(Household::id).containsExactlyElementsOf(townshipIds.subList(2, 4));
        Page<Household> village = householdsWithin(VILLAGE_B1, PageRequest.first(10));
        assertThat(village.items()).extracting(Household::id).containsExactlyElementsOf(idsIn(households, VILLAGE_B1));
        Page<Household> beyond = householdsWithin(COUNTY, new PageRequest(20, 5));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7L);
        assertThat(beyond.hasNext()).isFalse();
        Page<Household> prefecture = householdsWithin(PREFECTURE, PageRequest.first(100));
        assertThat(prefecture.items()).extracting(Household::id)
                .containsExactlyElementsOf(idsIn(households, PREFECTURE));
        // Keyset pages across counties: a page may end in one county and the next start in another.
        List<String> prefectureIds = idsIn(households, PREFECTURE);
        List<String> walked = new ArrayList<>();
        Page<Household> step = householdsWithin(PREFECTURE, PageRequest.first(2));
        while (true) {
            step.items().forEach(h -> walked.add(h.id()));
            if (!step.hasNext()) {
                break;
            }
            step = householdsWithin(PREFECTURE, step.next());
        }
        assertThat(walked).containsExactlyElementsOf(prefectureIds);
        assertThat(householdsWithin(PREFECTURE, new PageRequest(6, 5)).items()).extracting(Household::id)
                .containsExactlyElementsOf(prefectureIds.subList(6, 8));
        assertThat(householdsWithin(RegionCode.of("341703"), PageRequest.first(5).withTotal()).total())
                .isEqualTo(0);
    }

    private static List<String> idsIn(List<Household> households, RegionCode area) {
        return households.stream().filter(h -> area.contains(h.region())).map(Household::id).sorted().toList();
    }

    @Test
    void countWithinCountsTheHouseholdsInsideAnArea() {
        run(tx -> {
            data.households(VILLAGE_A1, 3).forEach(tx.households()::insert);
            data.households(VILLAGE_B1, 2).forEach(tx.households()::insert);
            data.households(OTHER_COUNTY_VILLAGE, 1).forEach(tx.households()::insert);
        });

        assertThat(countWithin(VILLAGE_A1)).isEqualTo(3);
        assertThat(countWithin(TOWNSHIP_B)).isEqualTo(2);
        assertThat(countWithin(COUNTY)).isEqualTo(5);
        assertThat(countWithin(PREFECTURE)).isEqualTo(6);
        assertThat(countWithin(VILLAGE_A2)).isZero();
    }

    @Test
    void findActiveByCitizenIdIgnoresRemovedHouseholds() {
        Household active = data.household(VILLAGE_A1);
        Member shared = active.members().get(0);
        Household removed = data.householdBuilder(VILLAGE_A2).status(PovertyStatus.REMOVED)
                .addMember(as(shared, Relationship.OTHER)).build();
        Household exited = data.householdBuilder(VILLAGE_B1).status(PovertyStatus.EXITED).build();
        run(tx -> tx.households().insertAll(List.of(exited, removed, active)));

        List<Household> found = activeWith(shared.citizenId());

        // A removed household frees its members' IDs; an exited one still holds them (one active holder at most).
        assertThat(found).extracting(Household::id).containsExactly(active.id());
        assertThat(found.get(0)).isEqualTo(active.toBuilder().version(1).build());
        assertThat(activeWith(exited.members().get(0).citizenId())).extracting(Household::id)
                .containsExactly(exited.id());
        assertThat(activeWith(removed.members().get(0).citizenId())).isEmpty();
        assertThat(activeWith(
                SampleData.citizenId("341702", LocalDate.of(1970, 1, 1), 999))).isEmpty();
    }

    /** The same person seen from another household. */
    private static Member as(Member m, Relationship relationship) {
        return new Member(m.name(), m.citizenId(), relationship, m.ethnicity(), m.education(), m.studentStatus(),
                m.health(), m.labourAbility(), m.migrantWork(), m.monthsWorked(), m.insurances(), m.servingSoldier());
    }

    @Test
    void insertAllStoresEveryHouseholdWithVersionOneInInputOrder() {
        List<Household> batch = new ArrayList<>(List.of(data.household(VILLAGE_A1), data.household(VILLAGE_B1),
                data.household(OTHER_COUNTY_VILLAGE), data.household(VILLAGE_A2), data.household(VILLAGE_A1)));
        Collections.reverse(batch);

        List<Household> stored = inTx(tx -> tx.households().insertAll(batch));

        assertThat(stored)
                .containsExactlyElementsOf(batch.stream().map(h -> h.toBuilder().version(1).build()).toList());
        for (Household h : stored) {
            assertThat(findHousehold(h.id())).contains(h);
        }
        List<Household> none = inTx(tx -> tx.households().insertAll(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void insertAllWithADuplicateInTheMiddleStoresNone() {
        List<Household> batch = new ArrayList<>(data.households(VILLAGE_A1, 4));
        Household twin = data.householdBuilder(VILLAGE_A2).id(batch.get(0).id()).build();
        batch.add(2, twin);

        assertFailsWith(ConflictException.class, "storage.duplicate", twin.id(),
                () -> inTx(tx -> tx.households().insertAll(batch)));
        assertThat(countWithin(PREFECTURE)).isZero();
        assertThat(activeWith(batch.get(0).members().get(0).citizenId()))
                .isEmpty();
    }

    @Test
    void insertAllWithAnAlreadyStoredIdStoresNone() {
        Household existing = inTx(tx -> tx.households().insert(data.household(VILLAGE_B1)));
        List<Household> batch = new ArrayList<>(data.households(VILLAGE_A1, 4));
        batch.add(2, data.householdBuilder(VILLAGE_A1).id(existing.id()).build());

        assertFailsWith(ConflictException.class, "storage.duplicate", existing.id(),
                () -> inTx(tx -> tx.households().insertAll(batch)));
        assertThat(countWithin(PREFECTURE)).isEqualTo(1);
        assertThat(findHousehold(existing.id())).contains(existing);
    }

    // ---------------------------------------------------------------------------------------------------- incomes

    @Test
    void incomeStatementIsSavedAndFoundWithVersionOne() {
        String hid = data.nextHouseholdId(COUNTY.countyCode());
        IncomeStatement statement = data.incomeStatement(hid, 2016);

        IncomeStatement saved = inTx(tx -> tx.incomes().save(COUNTY.countyCode(), statement));

        assertThat(saved).isEqualTo(statement.withVersion(1));
        assertThat(findIncome(hid, 2016)).contains(saved);
        assertThat(saved.items()).containsEntry(IncomeItem.DONATION, new BigDecimal("0.00"));
        assertThat(findIncome(hid, 2017)).isEmpty();
        assertThat(findIncome("341702-99999999", 2016)).isEmpty();
    }

    @Test
    void incomeStatementsOfAHouseholdComeOldestFirst() {
        String hid = data.nextHouseholdId(COUNTY.countyCode());
        String other = data.nextHouseholdId(COUNTY.countyCode());
        run(tx -> {
            for (int year : new int[] {2018, 2016, 2017}) {
                tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hid, year));
            }
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(other, 2015));
        });

        assertThat(incomesOf(hid)).extracting(IncomeStatement::year)
                .containsExactly(2016, 2017, 2018);
        assertThat(incomesOf("341702-99999999")).isEmpty();
    }

    @Test
    void incomeStatementsFollowTheVersionRule() {
        String hid = data.nextHouseholdId(COUNTY.countyCode());
        IncomeStatement fresh = data.incomeStatement(hid, 2016);
        IncomeStatement saved = inTx(tx -> tx.incomes().save(COUNTY.countyCode(), fresh));
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        items.put(IncomeItem.WAGES, new BigDecimal("12000.40"));
        items.put(IncomeItem.PENSION, new BigDecimal("1320"));
        IncomeStatement revised = new IncomeStatement(hid, 2016, items, new BigDecimal("800.10"), 3, saved.version());

        assertFailsWith(ConflictException.class, "storage.duplicate", hid,
                () -> inTx(tx -> tx.incomes().save(COUNTY.countyCode(), fresh)));
        IncomeStatement second = inTx(tx -> tx.incomes().save(COUNTY.countyCode(), revised));
        assertThat(second).isEqualTo(revised.withVersion(2));
        assertThat(findIncome(hid, 2016)).contains(second);
        assertThat(second.items()).doesNotContainKey(IncomeItem.PRODUCTION)
                .containsEntry(IncomeItem.PENSION, new BigDecimal("1320.00"));
        assertFailsWith(ConflictException.class, "storage.version_conflict", hid,
                () -> inTx(tx -> tx.incomes().save(COUNTY.countyCode(), revised)));
        IncomeStatement ghost = data.incomeStatement(hid, 2019).withVersion(3);
        assertFailsWith(NotFoundException.class, "storage.not_found", hid,
                () -> inTx(tx -> tx.incomes().save(COUNTY.countyCode(), ghost)));
        assertThat(findIncome(hid, 2019)).isEmpty();
    }

    @Test
    void deleteByHouseholdRemovesEveryYearOfThatHouseholdOnly() {
        String hid = data.nextHouseholdId(COUNTY.countyCode());
        String other = data.nextHouseholdId(COUNTY.countyCode());
        run(tx -> {
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hid, 2016));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hid, 2017));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(other, 2016));
        });

        run(tx -> tx.incomes().deleteByHousehold(hid));

        assertThat(incomesOf(hid)).isEmpty();
        assertThat(incomesOf(other)).hasSize(1);
        run(tx -> tx.incomes().deleteByHousehold("341702-99999999"));
        IncomeStatement again = inTx(tx -> tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hid, 2016)));
        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void incomeStatementIsStoredUnderTheCountyItsHouseholdIdNames() {
        IncomeStatement statement = data.incomeStatement(data.nextHouseholdId(COUNTY.countyCode()), 2016);

        assertThatThrownBy(() -> inTx(tx -> tx.incomes().save(OTHER_COUNTY.countyCode(), statement)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(findIncome(statement.householdId(), 2016)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------ audit

    @Test
    void appendNumbersAndChainsEachCountysEntries() {
        AuditEntry e1 = data.auditEntry("household", "341702-00000001", VILLAGE_A1, "register");
        AuditEntry e2 = data.auditEntry("household", "341702-00000002", VILLAGE_B1, "register");
        AuditEntry e3 = data.auditEntry("household", "341721-00000001", OTHER_COUNTY_VILLAGE, "register");

        List<AuditEntry> firstTwo = inTx(tx -> List.of(tx.audit().append(e1), tx.audit().append(e2)));
        AuditEntry third = inTx(tx -> tx.audit().append(e3));

        assertThat(firstTwo.get(0).sequence()).isPositive();
        assertThat(firstTwo.get(1).sequence()).isGreaterThan(firstTwo.get(0).sequence());
        assertThat(third.sequence()).isPositive();
        assertThat(firstTwo.get(0)).isEqualTo(AuditChain.link(e1, firstTwo.get(0).sequence(), AuditChain.GENESIS));
        assertThat(firstTwo.get(1)).isEqualTo(AuditChain.link(e2, firstTwo.get(1).sequence(),
                firstTwo.get(0).hash()));
        // Each county has its own chain: the other county's first entry links to the genesis hash.
        assertThat(third).isEqualTo(AuditChain.link(e3, third.sequence(), AuditChain.GENESIS));
        assertThat(firstTwo.get(1).hash()).hasSize(64).isEqualTo(AuditChain.hash(firstTwo.get(1)));
    }

    /** {@code e} without what storage assigns: sequence 0, no chain links. */
    protected static AuditEntry content(AuditEntry e) {
        return new AuditEntry(0, e.entityType(), e.entityId(), e.region(), e.action(), e.actorId(), e.actorName(),
                e.at(), e.reason(), e.before(), e.after());
    }

    /** One page of a county's audit log, read in its own unit of work. */
    protected List<AuditEntry> auditFind(AuditQuery query) {
        return inTx(tx -> tx.audit().find(query));
    }

    /** The county's whole chain as storage streams it, checked. */
    protected AuditVerification verifyChain(String countyCode) {
        AuditChain.Verifier verifier = AuditChain.verifier(countyCode);
        run(tx -> tx.audit().forEachInCounty(countyCode, verifier::accept));
        return verifier.result();
    }

    @Test
    void auditEntriesOfAnEntityComeInSequenceOrder() {
        String hid = "341702-00000007";
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(data.auditEntry("household", hid, VILLAGE_A1, "register"));
        entries.add(data.auditEntry("household", "341702-00000008", VILLAGE_A1, "register"));
        entries.add(data.auditEntry("income", hid, VILLAGE_A1, "record"));
        entries.add(data.auditEntry("household", hid, VILLAGE_A1, "amend"));
        entries.add(data.auditEntry("household", hid, VILLAGE_A1, "remove"));
        List<AuditEntry> stored = new ArrayList<>();
        for (AuditEntry e : entries) {
            stored.add(inTx(tx -> tx.audit().append(e)));
        }

        assertThat(auditOf("household", hid))
                .containsExactly(stored.get(0), stored.get(3), stored.get(4));
        assertThat(auditOf("income", hid)).containsExactly(stored.get(2));
        assertThat(auditOf("household", "341702-99999999")).isEmpty();
    }

    @Test
    void auditOfACountyComesNewestFirstInPages() {
        List<AuditEntry> stored = new ArrayList<>();
        RegionCode[] regions = {VILLAGE_A1, OTHER_COUNTY_VILLAGE, VILLAGE_B1, COUNTY, VILLAGE_A2, OTHER_COUNTY,
                TOWNSHIP_A};
        for (int i = 0; i < regions.length; i++) {
            AuditEntry e = data.auditEntry("document", "D" + i, regions[i], "save");
            stored.add(inTx(tx -> tx.audit().append(e)));
        }
        List<AuditEntry> expected = stored.stream().filter(e -> e.countyCode().equals(COUNTY.countyCode()))
                .sorted(Comparator.comparingLong(AuditEntry::sequence).reversed()).toList();

        List<AuditEntry> first = auditFind(AuditQuery.county(COUNTY.countyCode(), 3));
        List<AuditEntry> second = auditFind(AuditQuery.county(COUNTY.countyCode(), 3)
                .after(first.get(2).sequence()));

        assertThat(first).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(second).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(auditCount(COUNTY.countyCode())).isEqualTo(5);
        assertThat(auditCount(OTHER_COUNTY.countyCode())).isEqualTo(2);
    }

    @Test
    void auditKeepsOptionalFieldsAndTimestampsToTheMicrosecond() {
        AuditEntry bare = new AuditEntry(0, "household", "341702-00000001", VILLAGE_A1, "remove", "system", null,
                Instant.parse("2021-06-30T23:59:59.123456789Z"), null, "{\"a\":1}", null);

        AuditEntry stored = inTx(tx -> tx.audit().append(bare));

        AuditEntry expected = AuditChain.link(new AuditEntry(0, "household", "341702-00000001", VILLAGE_A1,
                "remove", "system", null, Instant.parse("2021-06-30T23:59:59.123456Z"), null, "{\"a\":1}", null),
                stored.sequence(), AuditChain.GENESIS);
        assertThat(stored).isEqualTo(expected);
        assertThat(auditOf("household", "341702-00000001")).containsExactly(expected);
    }

    @Test
    void auditQueryReadsACountyNewestFirstInKeysetPagesFilteredByPeriodActorAndSubject() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(data.auditEntry(i % 3 == 0 ? "income" : "household", "341702-0000000" + (i % 4),
                    i == 5 ? OTHER_COUNTY_VILLAGE : VILLAGE_A1, "amend"));
        }
        List<AuditEntry> stored = inTx(tx -> tx.audit().appendAll(entries));
        List<AuditEntry> county = stored.stream().filter(e -> e.countyCode().equals(COUNTY.countyCode()))
                .sorted(Comparator.comparingLong(AuditEntry::sequence).reversed()).toList();

        List<AuditEntry> first = auditFind(AuditQuery.county(COUNTY.countyCode(), 4));
        List<AuditEntry> second = auditFind(AuditQuery.county(COUNTY.countyCode(), 4)
                .after(first.get(3).sequence()));
        List<AuditEntry> last = auditFind(AuditQuery.county(COUNTY.countyCode(), 4)
                .after(county.get(7).sequence()));
        assertThat(first).containsExactlyElementsOf(county.subList(0, 4));
        assertThat(second).containsExactlyElementsOf(county.subList(4, 8));
        assertThat(last).containsExactlyElementsOf(county.subList(8, 11));

        AuditEntry third = stored.get(2);
        assertThat(auditFind(AuditQuery.county(COUNTY.countyCode(), 10).byActor(third.actorId())))
                .containsExactly(third);
        assertThat(auditFind(AuditQuery.county(COUNTY.countyCode(), 10)
                .during(stored.get(3).at(), stored.get(7).at())))
                .containsExactly(stored.get(6), stored.get(4), stored.get(3));
        assertThat(auditFind(AuditQuery.county(COUNTY.countyCode(), 10)
                .about("household", "341702-00000001")))
                .containsExactlyElementsOf(county.stream().filter(e -> e.entityType().equals("household")
                        && e.entityId().equals("341702-00000001")).toList());
        assertThat(auditFind(AuditQuery.county(OTHER_COUNTY.countyCode(), 10)))
                .containsExactly(stored.get(5));
        assertThat(auditFind(AuditQuery.county("341799", 10))).isEmpty();
    }

    @Test
    void forEachInCountyStreamsTheCountyOldestFirstUntilTold() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            entries.add(data.auditEntry("household", "341702-00000001", i % 100 == 0 ? OTHER_COUNTY_VILLAGE
                    : VILLAGE_A2, "amend"));
        }
        List<AuditEntry> stored = inTx(tx -> tx.audit().appendAll(entries));
        List<AuditEntry> expected = stored.stream().filter(e -> e.countyCode().equals(COUNTY.countyCode())).toList();

        List<AuditEntry> all = new ArrayList<>();
        run(tx -> tx.audit().forEachInCounty(COUNTY.countyCode(), all::add));
        List<AuditEntry> firstTen = new ArrayList<>();
        run(tx -> tx.audit().forEachInCounty(COUNTY.countyCode(), e -> firstTen.add(e) && firstTen.size() < 10));

        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(firstTen).containsExactlyElementsOf(expected.subList(0, 10));
        AuditVerification chain = verifyChain(COUNTY.countyCode());
        assertThat(chain.intact()).isTrue();
        assertThat(chain.checked()).isEqualTo(expected.size());
    }

    // ------------------------------------------------------------------------------------- citizen ID uniqueness

    /** A household of {@code village} whose first member has {@code citizenId}. */
    protected Household holding(RegionCode village, CitizenId citizenId) {
        Household h = data.household(village);
        List<Member> members = new ArrayList<>(h.members());
        Member head = members.get(0);
        members.set(0, Member.of(head.name(), citizenId, head.relationship()));
        return h.toBuilder().members(members).build();
    }

    /** Asserts that {@code work} is refused as a taken citizen ID held by {@code holder}, on {@code record}. */
    protected void assertIdTaken(Runnable work, String record, String holder) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).hasSize(1);
            Violation v = e.violations().get(0);
            assertThat(v.code()).isEqualTo("validation.id_taken");
            assertThat(v.record()).isEqualTo(record);
            assertThat(v.field()).isEqualTo("members[0].citizenId");
            assertThat(v.messageEn()).contains(holder);
        });
    }

    @Test
    void aCitizenIdIsActiveInAtMostOneHouseholdAcrossCounties() {
        Household holder = inTx(tx -> tx.households().insert(data.household(VILLAGE_A1)));
        CitizenId taken = holder.members().get(0).citizenId();
        Household sameCounty = holding(VILLAGE_B1, taken);
        Household otherCounty = holding(OTHER_COUNTY_VILLAGE, taken);

        assertIdTaken(() -> run(tx -> tx.households().insert(sameCounty)), "household " + sameCounty.id(),
                holder.id());
        assertIdTaken(() -> run(tx -> tx.households().insert(otherCounty)), "household " + otherCounty.id(),
                holder.id());
        List<Household> batch = List.of(data.household(VILLAGE_A2), holding(VILLAGE_A2, taken));
        assertIdTaken(() -> run(tx -> tx.households().insertAll(batch)), "row 2", holder.id());
        List<Household> twiceInBatch = List.of(holding(VILLAGE_A2, data.household().members().get(0).citizenId()),
                data.household(VILLAGE_A2));
        Household repeat = holding(VILLAGE_B1, twiceInBatch.get(0).members().get(0).citizenId());
        assertIdTaken(() -> run(tx -> tx.households().insertAll(List.of(twiceInBatch.get(0), twiceInBatch.get(1),
                repeat))), "row 3", twiceInBatch.get(0).id());

        assertThat(activeWith(taken)).extracting(Household::id).containsExactly(holder.id());
        assertThat(findHousehold(sameCounty.id())).isEmpty();
        assertThat(findHousehold(batch.get(0).id())).isEmpty();
        assertThat(findHousehold(twiceInBatch.get(0).id())).isEmpty();
    }

    @Test
    void anUpdateMayNotTakeAnActiveIdButRemovalFreesItAndRestoringChecksItAgain() {
        Household holder = inTx(tx -> tx.households().insert(data.household(VILLAGE_A1)));
        Household other = inTx(tx -> tx.households().insert(data.household(VILLAGE_A2)));
        Household third = inTx(tx -> tx.households().insert(data.household(VILLAGE_B1)));
        CitizenId taken = holder.members().get(0).citizenId();
        Household grabbing = holding(VILLAGE_A2, taken).toBuilder().id(other.id()).version(other.version()).build();

        assertIdTaken(() -> run(tx -> tx.households().update(grabbing)), "household " + other.id(), holder.id());
        assertIdTaken(() -> run(tx -> tx.households().updateAll(List.of(
                third.toBuilder().address("新地址").build(), grabbing))), "row 2", holder.id());
        assertThat(findHousehold(other.id())).contains(other);
        assertThat(findHousehold(third.id())).contains(third);

        Household removed = inTx(tx -> tx.households().update(holder.toBuilder().status(PovertyStatus.REMOVED)
                .build()));
        Household took = inTx(tx -> tx.households().update(grabbing));
        assertThat(activeWith(taken)).extracting(Household::id).containsExactly(took.id());

        assertIdTaken(() -> run(tx -> tx.households().update(removed.toBuilder()
                .status(PovertyStatus.NOT_EXITED).build())), "household " + holder.id(), took.id());
        assertIdTaken(() -> run(tx -> tx.households().updateAll(List.of(removed.toBuilder()
                .status(PovertyStatus.RETURNED).build()))), "row 1", took.id());
        Household exited = inTx(tx -> tx.households().updateAll(List.of(took.toBuilder()
                .status(PovertyStatus.EXITED).build()))).get(0);
        assertThat(activeWith(taken)).extracting(Household::id).containsExactly(exited.id());
        inTx(tx -> tx.households().updateAll(List.of(exited.toBuilder().status(PovertyStatus.REMOVED).build())));
        Household restored = inTx(tx -> tx.households().update(removed.toBuilder()
                .status(PovertyStatus.RETURNED).build()));
        assertThat(activeWith(taken)).extracting(Household::id).containsExactly(restored.id());
    }

    // -------------------------------------------------------------------------------------------------- documents

    @Test
    void documentIsSavedAndFoundByKindCountyAndId() {
        StoredDocument doc = data.document("identification-case", VILLAGE_A1, 2016);

        StoredDocument saved = inTx(tx -> tx.documents().save(doc));

        assertThat(saved).isEqualTo(doc.withVersion(1));
        assertThat(findDocument(doc.kind(), COUNTY.countyCode(), doc.id())).contains(saved);
        assertThat(findDocument("household-plan", COUNTY.countyCode(), doc.id())).isEmpty();
        assertThat(findDocument(doc.kind(), OTHER_COUNTY.countyCode(), doc.id())).isEmpty();
    }

    @Test
    void documentsAreKeyedByKindCountyAndId() {
        StoredDocument a = new StoredDocument("plan", "X1", VILLAGE_A1, null, 0, "{\"a\":1}");
        StoredDocument b = new StoredDocument("target", "X1", VILLAGE_A1, null, 0, "{\"b\":2}");
        StoredDocument c = new StoredDocument("plan", "X1", OTHER_COUNTY_VILLAGE, null, 0, "{\"c\":3}");

        run(tx -> List.of(a, b, c).forEach(tx.documents()::save));

        assertThat(findDocument("plan", COUNTY.countyCode(), "X1")).contains(a.withVersion(1));
        assertThat(findDocument("target", COUNTY.countyCode(), "X1")).contains(b.withVersion(1));
        assertThat(findDocument("plan", OTHER_COUNTY.countyCode(), "X1"))
                .contains(c.withVersion(1));
    }

    @Test
    void documentsAreFoundManyAtOnceByKindCountyAndIdsInTheOrderAsked() {
        List<StoredDocument> docs = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            docs.add(new StoredDocument("exit-case", String.format("341702-%08d", i), i % 2 == 0 ? VILLAGE_A1
                    : VILLAGE_A2, 2016, 0, "{\"n\":" + i + "}"));
        }
        StoredDocument otherKind = new StoredDocument("plan", "341702-00000005", VILLAGE_A1, null, 0, "{}");
        StoredDocument otherCounty = new StoredDocument("exit-case", "341702-00000008", OTHER_COUNTY_VILLAGE, null, 0,
                "{}");
        run(tx -> {
            docs.forEach(tx.documents()::save);
            tx.documents().save(otherKind);
            tx.documents().save(otherCounty);
        });
        List<String> asked = new ArrayList<>();
        for (int i = 1_202; i >= 0; i -= 3) {
            asked.add(String.format("341702-%08d", i));
        }
        asked.add("341702-99999999");
        asked.add(asked.get(0));

        Map<String, StoredDocument> found = inTx(tx -> tx.documents().findAll("exit-case", COUNTY.countyCode(),
                asked));

        assertThat(found.keySet()).containsExactlyElementsOf(asked.subList(0, asked.size() - 2));
        assertThat(found.get("341702-00001202")).isEqualTo(docs.get(1_202).withVersion(1));
        assertThat(found.get("341702-00000005").body()).isEqualTo("{\"n\":5}");
        assertThat(found.get("341702-00000008").region()).isEqualTo(VILLAGE_A1);
        assertThat(found.get("341702-00001199").region()).isEqualTo(VILLAGE_A2);
        Map<String, StoredDocument> none = inTx(tx -> tx.documents().findAll("exit-case", COUNTY.countyCode(),
                List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void documentsAreFoundForManySubjectsAtOnce() {
        StoredDocument a = new StoredDocument("exit-case", "E2", VILLAGE_A1, 2016, 0, "{}", "H-1");
        StoredDocument b = new StoredDocument("exit-case", "E1", VILLAGE_A2, 2017, 0, "{}", "H-1");
        StoredDocument c = new StoredDocument("exit-case", "E3", VILLAGE_A1, 2016, 0, "{}", "H-2");
        StoredDocument otherKind = new StoredDocument("plan", "P1", VILLAGE_A1, 2016, 0, "{}", "H-2");
        StoredDocument otherCounty = new StoredDocument("exit-case", "E4", OTHER_COUNTY_VILLAGE, 2016, 0, "{}", "H-1");
        run(tx -> List.of(a, b, c, otherKind, otherCounty).forEach(tx.documents()::save));

        Map<String, List<StoredDocument>> found = inTx(tx -> tx.documents().findBySubjects("exit-case",
                COUNTY.countyCode(), List.of("H-3", "H-2", "H-1")));

        assertThat(found.keySet()).containsExactly("H-2", "H-1");
        assertThat(found.get("H-1")).containsExactly(b.withVersion(1), a.withVersion(1));
        assertThat(found.get("H-2")).containsExactly(c.withVersion(1));
    }

    @Test
    void incomesOfAYearAreFoundForAListOfHouseholds() {
        List<Household> hs = data.households(VILLAGE_A1, 4);
        run(tx -> {
            hs.forEach(tx.households()::insert);
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hs.get(0).id(), 2016));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hs.get(1).id(), 2016));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hs.get(1).id(), 2017));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(hs.get(2).id(), 2017));
        });
        List<String> asked = List.of(hs.get(3).id(), hs.get(1).id(), hs.get(0).id(), hs.get(2).id(),
                OTHER_COUNTY.countyCode() + "-00000009");

        Map<String, IncomeStatement> found = inTx(tx -> tx.incomes().findYear(asked, 2016));

        assertThat(found.keySet()).containsExactly(hs.get(1).id(), hs.get(0).id());
        assertThat(found.get(hs.get(1).id())).isEqualTo(findIncome(hs.get(1).id(), 2016).orElseThrow());
        assertThat(found.get(hs.get(0).id())).isEqualTo(findIncome(hs.get(0).id(), 2016).orElseThrow());
    }

    @Test
    void documentsAreFoundBySubjectWithinKindAndCountyAndTheIndexFollowsUpdatesDeletesAndRollback() {
        StoredDocument a = new StoredDocument("exit-case", "E2", VILLAGE_A1, 2016, 0, "{}", "H-1");
        StoredDocument b = new StoredDocument("exit-case", "E1", VILLAGE_A2, 2017, 0, "{}", "H-1");
        StoredDocument otherSubject = new StoredDocument("exit-case", "E3", VILLAGE_A1, 2016, 0, "{}", "H-2");
        StoredDocument otherKind = new StoredDocument("plan", "P1", VILLAGE_A1, 2016, 0, "{}", "H-1");
        StoredDocument otherCounty = new StoredDocument("exit-case", "E4", OTHER_COUNTY_VILLAGE, 2016, 0, "{}", "H-1");
        run(tx -> List.of(a, b, otherSubject, otherKind, otherCounty).forEach(tx.documents()::save));

        assertThat(documentsAbout("exit-case", "H-1"))
                .containsExactly(b.withVersion(1), a.withVersion(1));
        assertThat(documentsAbout("exit-case", "nobody")).isEmpty();

        StoredDocument moved = new StoredDocument("exit-case", "E2", VILLAGE_A1, 2016, 1, "{}", "H-2");
        run(tx -> tx.documents().save(moved));
        assertThat(documentsAbout("exit-case", "H-2"))
                .extracting(StoredDocument::id).containsExactly("E2", "E3");
        assertThat(documentsAbout("exit-case", "H-1"))
                .extracting(StoredDocument::id).containsExactly("E1");

        assertThatThrownBy(() -> run(tx -> {
            tx.documents().delete("exit-case", COUNTY.countyCode(), "E1", 1);
            tx.documents().save(new StoredDocument("exit-case", "E9", VILLAGE_A1, 2016, 0, "{}", "H-1"));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        // The unit of work was rolled back: the index is as before.
        assertThat(documentsAbout("exit-case", "H-1"))
                .extracting(StoredDocument::id).containsExactly("E1");
        run(tx -> tx.documents().delete("exit-case", COUNTY.countyCode(), "E1", 1));
        assertThat(documentsAbout("exit-case", "H-1")).isEmpty();
    }

    @Test
    void forEachWithinVisitsExactlyTheAreasHouseholdsInIdOrder() {
        List<Household> all = new java.util.ArrayList<>();
        for (RegionCode v : List.of(VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, OTHER_COUNTY_VILLAGE)) {
            for (int i = 0; i < 7; i++) {
                all.add(data.household(v));
            }
        }
        run(tx -> tx.households().insertAll(all));
        for (RegionCode area : List.of(COUNTY, TOWNSHIP_A, VILLAGE_B1, OTHER_COUNTY, PREFECTURE)) {
            List<String> visited = inTx(tx -> {
                List<String> ids = new java.util.ArrayList<>();
                tx.households().forEachWithin(area, h -> ids.add(h.id()));
                return ids;
            });
            List<String> expected = all.stream().filter(h -> area.contains(h.region())).map(Household::id).sorted()
                    .toList();
            assertThat(visited).as("area %s", area).isEqualTo(expected);
        }
        List<Household> visitedHouseholds = inTx(tx -> {
            List<Household> hs = new java.util.ArrayList<>();
            tx.households().forEachWithin(VILLAGE_A1, hs::add);
            return hs;
        });
        assertThat(visitedHouseholds).containsExactlyInAnyOrderElementsOf(
                all.stream().filter(h -> h.region().equals(VILLAGE_A1)).map(h -> h.toBuilder().version(1).build())
                        .toList());
    }

    @Test
    void documentsFollowTheVersionRule() {
        StoredDocument doc = data.document("fund", COUNTY, null);
        StoredDocument saved = inTx(tx -> tx.documents().save(doc));
        StoredDocument revised = new StoredDocument(doc.kind(), doc.id(), VILLAGE_A2, 2017, saved.version(),
                "{\"revised\":true}");

        assertFailsWith(ConflictException.class, "storage.duplicate", doc.id(),
                () -> inTx(tx -> tx.documents().save(doc)));
        StoredDocument second = inTx(tx -> tx.documents().save(revised));
        assertThat(second).isEqualTo(revised.withVersion(2));
        assertThat(findDocument(doc.kind(), COUNTY.countyCode(), doc.id())).contains(second);
        assertFailsWith(ConflictException.class, "storage.version_conflict", doc.id(),
                () -> inTx(tx -> tx.documents().save(revised)));
        StoredDocument ghost = data.document("fund", COUNTY, null).withVersion(2);
        assertFailsWith(NotFoundException.class, "storage.not_found", ghost.id(),
                () -> inTx(tx -> tx.documents().save(ghost)));
    }

    @Test
    void documentsWithinAnAreaFilterByKindAreaAndYearInIdOrder() {
        StoredDocument a1y16 = data.document("plan", VILLAGE_A1, 2016);
        StoredDocument b1y17 = data.document("plan", VILLAGE_B1, 2017);
        StoredDocument a2y16 = data.document("plan", VILLAGE_A2, 2016);
        StoredDocument countyNoYear = data.document("plan", COUNTY, null);
        StoredDocument otherCounty = data.document("plan", OTHER_COUNTY_VILLAGE, 2016);
        StoredDocument otherKind = data.document("pairing", VILLAGE_A1, 2016);
        List<StoredDocument> all = List.of(otherKind, otherCounty, countyNoYear, a2y16, b1y17, a1y16);
        run(tx -> all.forEach(tx.documents()::save));

        Page<StoredDocument> county = documentsWithin("plan", COUNTY, null, PageRequest.first(3).withTotal());
        assertThat(county.items()).containsExactly(a1y16.withVersion(1), b1y17.withVersion(1), a2y16.withVersion(1));
        assertThat(county.total()).isEqualTo(4L);
        assertThat(county.hasNext()).isTrue();
        Page<StoredDocument> rest = documentsWithin("plan", COUNTY, null, county.next());
        assertThat(rest.items()).containsExactly(countyNoYear.withVersion(1));
        assertThat(rest.hasNext()).isFalse();
        assertThat(rest.total()).isNull();
        assertThatThrownBy(() -> documentsWithin("plan", COUNTY, null, PageRequest.first(3).after(a1y16.id())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(documentsWithin("plan", COUNTY, 2016, PageRequest.first(10)).items())
                .containsExactly(a1y16.withVersion(1), a2y16.withVersion(1));
        assertThat(documentsWithin("plan", TOWNSHIP_A, null, PageRequest.first(10)).items())
                .containsExactly(a1y16.withVersion(1), a2y16.withVersion(1));
        Page<StoredDocument> prefecture = documentsWithin("plan", PREFECTURE, 2016,
                PageRequest.first(10));
        assertThat(prefecture.items())
                .containsExactly(a1y16.withVersion(1), a2y16.withVersion(1), otherCounty.withVersion(1));
        assertThat(documentsWithin("pairing", COUNTY, 2017, PageRequest.first(10).withTotal()).total())
                .isEqualTo(0);
    }

    @Test
    void documentDeleteFollowsTheVersionRule() {
        StoredDocument saved = inTx(tx -> tx.documents().save(data.document("pairing", VILLAGE_B1, 2016)));
        String county = COUNTY.countyCode();

        assertFailsWith(ConflictException.class, "storage.version_conflict", saved.id(),
                () -> run(tx -> tx.documents().delete("pairing", county, saved.id(), 2)));
        assertFailsWith(NotFoundException.class, "storage.not_found", "NOPE",
                () -> run(tx -> tx.documents().delete("pairing", county, "NOPE", 1)));
        run(tx -> tx.documents().delete("pairing", county, saved.id(), 1));

        assertThat(findDocument("pairing", county, saved.id())).isEmpty();
        assertThat(inTx(tx -> tx.documents().save(saved.withVersion(0))).version()).isEqualTo(1);
    }

    // ----------------------------------------------------------------------------------------------- bulk paths

    /**
     * Records per test of the bulk paths' chunking: more than a backend reads per query or writes per batch (the
     * JDBC storage reads 1,000 keys per query and writes 500 rows per batch by default).
     */
    protected static final int BULK = 1_234;

    /**
     * What {@code work} returns inside a unit of work that is then rolled back: the answer of the single-record
     * methods, to compare a bulk method's answer with.
     */
    protected <T> T rolledBack(Function<StorageTransaction, T> work) {
        List<T> result = new ArrayList<>(1);
        RuntimeException undo = new IllegalStateException("rolled back on purpose");
        assertThatThrownBy(() -> run(tx -> {
            result.add(work.apply(tx));
            throw undo;
        })).isSameAs(undo);
        return result.get(0);
    }

    /** Asserts that {@code work} throws and that the unit of work it ran in left {@code unchanged} as it was. */
    protected void assertFailsAndChangesNothing(Class<? extends Exception> type, Runnable work, Runnable unchanged) {
        assertThatThrownBy(work::run).isInstanceOf(type);
        unchanged.run();
    }

    @Test
    void appendAllAssignsIncreasingSequencesInInputOrderAcrossBatches() {
        AuditEntry first = inTx(tx -> tx.audit().append(
                data.auditEntry("household", "341702-00000001", VILLAGE_A1, "register")));
        RegionCode[] regions = {VILLAGE_A1, OTHER_COUNTY_VILLAGE, VILLAGE_B1};
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            // Entity ids start with their county, as household ids do: an entity's entries are all in one county.
            entries.add(data.auditEntry(i % 7 == 0 ? "income" : "household", regions[i % 3].countyCode()
                    + "-0000000" + (2 + i % 5), regions[i % 3], i % 2 == 0 ? "amend" : "exit"));
        }

        List<AuditEntry> stored = inTx(tx -> tx.audit().appendAll(entries));
        AuditEntry last = inTx(tx -> tx.audit().append(
                data.auditEntry("household", "341702-00000001", VILLAGE_A1, "amend")));

        assertThat(stored).hasSize(BULK);
        for (int i = 0; i < BULK; i++) {
            assertThat(content(stored.get(i))).isEqualTo(entries.get(i));
        }
        for (String county : List.of(COUNTY.countyCode(), OTHER_COUNTY.countyCode())) {
            assertThat(stored.stream().filter(e -> e.countyCode().equals(county)).toList())
                    .extracting(AuditEntry::sequence).isSorted().doesNotHaveDuplicates();
            AuditVerification chain = verifyChain(county);
            assertThat(chain.intact()).as("chain of %s: %s", county, chain).isTrue();
        }
        assertThat(stored.get(0).sequence()).isGreaterThan(first.sequence());
        assertThat(last.sequence()).isGreaterThan(stored.get(BULK - 1).sequence());
        assertThat(auditOf("household", "341702-00000003")).containsExactlyElementsOf(stored.stream()
                .filter(e -> e.entityType().equals("household") && e.entityId().equals("341702-00000003")).toList());
        assertThat(auditCount(OTHER_COUNTY.countyCode()))
                .isEqualTo(stored.stream().filter(e -> e.countyCode().equals(OTHER_COUNTY.countyCode())).count());
        List<AuditEntry> none = inTx(tx -> tx.audit().appendAll(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void appendAllReturnsWhatAppendWouldAndIsUndoneWithItsUnitOfWork() {
        List<AuditEntry> entries = List.of(data.auditEntry("household", "341702-00000001", VILLAGE_A1, "register"),
                new AuditEntry(0, "income", "341702-00000001/2016", VILLAGE_A1, "record", "system", null,
                        Instant.parse("2021-06-30T23:59:59.123456789Z"), null, null, null),
                data.auditEntry("household", "341721-00000001", OTHER_COUNTY_VILLAGE, "register"));
        List<AuditEntry> byAppend = rolledBack(tx -> entries.stream().map(tx.audit()::append).toList());

        assertThatThrownBy(() -> run(tx -> {
            tx.audit().appendAll(entries);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");
        assertThat(auditCount(COUNTY.countyCode())).isZero();
        List<AuditEntry> byAppendAll = inTx(tx -> tx.audit().appendAll(entries));

        // Sequences differ between the two units of work; everything else is the same.
        assertThat(byAppendAll).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(content(byAppendAll.get(i))).isEqualTo(content(byAppend.get(i)));
        }
        assertThat(byAppendAll.get(1).at()).isEqualTo(Instant.parse("2021-06-30T23:59:59.123456Z"));
        assertThat(auditOf("income", "341702-00000001/2016")).containsExactly(byAppendAll.get(1));
    }

    private IncomeStatement revisedIncome(IncomeStatement s, String wages, long version) {
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        items.put(IncomeItem.WAGES, new BigDecimal(wages));
        items.put(IncomeItem.PENSION, new BigDecimal("1320"));
        return new IncomeStatement(s.householdId(), s.year(), items, new BigDecimal("800.10"), 3, version);
    }

    @Test
    void incomeSaveAllStoresNewStatementsAsSaveDoesInInputOrder() {
        String county = COUNTY.countyCode();
        String h1 = data.nextHouseholdId(county);
        String h2 = data.nextHouseholdId(county);
        String h3 = data.nextHouseholdId(county);
        IncomeStatement empty = new IncomeStatement(h2, 2016, Map.of(), BigDecimal.ZERO, 1, 0);
        List<IncomeStatement> batch = List.of(data.incomeStatement(h3, 2016), data.incomeStatement(h1, 2017), empty,
                data.incomeStatement(h1, 2016));
        List<IncomeStatement> bySave = rolledBack(tx -> batch.stream().map(s -> tx.incomes().save(county, s))
                .toList());

        List<IncomeStatement> stored = inTx(tx -> tx.incomes().saveAll(county, batch));

        assertThat(stored).isEqualTo(bySave)
                .containsExactlyElementsOf(batch.stream().map(s -> s.withVersion(1)).toList());
        for (IncomeStatement s : stored) {
            assertThat(findIncome(s.householdId(), s.year())).contains(s);
        }
        assertThat(incomesOf(h1)).containsExactly(stored.get(3), stored.get(1));
        assertThat(findIncome(h2, 2016).orElseThrow().items()).isEmpty();
        List<IncomeStatement> none = inTx(tx -> tx.incomes().saveAll(county, List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void incomeSaveAllMixesInsertsAndUpdatesAsSaveDoes() {
        String county = COUNTY.countyCode();
        IncomeStatement a = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        IncomeStatement b1 = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        IncomeStatement b = inTx(tx -> tx.incomes().save(county, revisedIncome(b1, "100", 1)));
        String c = data.nextHouseholdId(county);
        List<IncomeStatement> batch = List.of(revisedIncome(a, "12000.40", 1), data.incomeStatement(c, 2016),
                revisedIncome(b, "1", 2), data.incomeStatement(a.householdId(), 2017),
                new IncomeStatement(c, 2017, Map.of(), new BigDecimal("3"), 2, 0));
        List<IncomeStatement> bySave = rolledBack(tx -> batch.stream().map(s -> tx.incomes().save(county, s))
                .toList());

        List<IncomeStatement> stored = inTx(tx -> tx.incomes().saveAll(county, batch));

        assertThat(stored).isEqualTo(bySave).extracting(IncomeStatement::version).containsExactly(2L, 1L, 3L, 1L, 1L);
        for (IncomeStatement s : stored) {
            assertThat(findIncome(s.householdId(), s.year())).contains(s);
        }
        assertThat(findIncome(a.householdId(), 2016).orElseThrow().items())
                .doesNotContainKey(IncomeItem.PRODUCTION).containsEntry(IncomeItem.WAGES, new BigDecimal("12000.40"));
    }

    @Test
    void incomeSaveAllOfOneStatementSavedTwiceEndsWithTheLastVersion() {
        String county = COUNTY.countyCode();
        IncomeStatement fresh = data.incomeStatement(data.nextHouseholdId(county), 2018);
        IncomeStatement stored = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2018)));
        List<IncomeStatement> batch = List.of(fresh, revisedIncome(stored, "5", 1), revisedIncome(fresh, "6", 1),
                revisedIncome(stored, "7", 2), revisedIncome(fresh, "8", 2));
        List<IncomeStatement> bySave = rolledBack(tx -> batch.stream().map(s -> tx.incomes().save(county, s))
                .toList());

        List<IncomeStatement> saved = inTx(tx -> tx.incomes().saveAll(county, batch));

        assertThat(saved).isEqualTo(bySave).extracting(IncomeStatement::version).containsExactly(1L, 2L, 2L, 3L, 3L);
        assertThat(findIncome(fresh.householdId(), 2018)).contains(saved.get(4));
        assertThat(findIncome(stored.householdId(), 2018)).contains(saved.get(3));
        assertFailsWith(ConflictException.class, "storage.duplicate", fresh.householdId() + "/2019",
                () -> inTx(tx -> tx.incomes().saveAll(county, List.of(data.incomeStatement(fresh.householdId(), 2019),
                        data.incomeStatement(stored.householdId(), 2019),
                        data.incomeStatement(fresh.householdId(), 2019)))));
        assertThat(incomesOf(stored.householdId())).extracting(IncomeStatement::year).containsExactly(2018);
    }

    @Test
    void incomeSaveAllWithADuplicateInTheMiddleNamesItAndStoresNothing() {
        String county = COUNTY.countyCode();
        IncomeStatement existing = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        IncomeStatement updated = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        List<IncomeStatement> batch = List.of(data.incomeStatement(data.nextHouseholdId(county), 2016),
                revisedIncome(updated, "1", 1), data.incomeStatement(existing.householdId(), 2016),
                data.incomeStatement(data.nextHouseholdId(county), 2016));

        assertFailsWith(ConflictException.class, "storage.duplicate", existing.householdId() + "/2016",
                () -> inTx(tx -> tx.incomes().saveAll(county, batch)));

        assertThat(findIncome(batch.get(0).householdId(), 2016)).isEmpty();
        assertThat(findIncome(batch.get(3).householdId(), 2016)).isEmpty();
        assertThat(findIncome(updated.householdId(), 2016)).contains(updated);
        assertThat(findIncome(existing.householdId(), 2016)).contains(existing);
    }

    @Test
    void incomeSaveAllNamesTheFirstStatementThatBreaksTheRule() {
        String county = COUNTY.countyCode();
        IncomeStatement x1 = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        IncomeStatement x = inTx(tx -> tx.incomes().save(county, revisedIncome(x1, "2", 1)));
        IncomeStatement y = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        IncomeStatement fresh = data.incomeStatement(data.nextHouseholdId(county), 2016);
        IncomeStatement stale = revisedIncome(x, "3", 1);
        IncomeStatement duplicate = data.incomeStatement(y.householdId(), 2016);
        IncomeStatement ghost = data.incomeStatement(data.nextHouseholdId(county), 2016).withVersion(3);

        assertFailsWith(ConflictException.class, "storage.version_conflict", x.householdId(),
                () -> inTx(tx -> tx.incomes().saveAll(county, List.of(fresh, stale, duplicate, ghost))));
        assertFailsWith(NotFoundException.class, "storage.not_found", ghost.householdId(),
                () -> inTx(tx -> tx.incomes().saveAll(county, List.of(fresh, ghost, duplicate, stale))));
        assertFailsWith(ConflictException.class, "storage.duplicate", y.householdId(),
                () -> inTx(tx -> tx.incomes().saveAll(county, List.of(fresh, duplicate, stale, ghost))));
        assertThatThrownBy(() -> inTx(tx -> tx.incomes().saveAll(county, List.of(fresh,
                data.incomeStatement(data.nextHouseholdId(OTHER_COUNTY.countyCode()), 2016), stale))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(findIncome(fresh.householdId(), 2016)).isEmpty();
        assertThat(findIncome(x.householdId(), 2016)).contains(x);
        assertThat(findIncome(y.householdId(), 2016)).contains(y);
    }

    @Test
    void incomeSaveAllIsUndoneWithItsUnitOfWork() {
        String county = COUNTY.countyCode();
        IncomeStatement stored = inTx(tx -> tx.incomes().save(county, data.incomeStatement(
                data.nextHouseholdId(county), 2016)));
        IncomeStatement fresh = data.incomeStatement(data.nextHouseholdId(county), 2016);

        assertThatThrownBy(() -> run(tx -> {
            tx.incomes().saveAll(county, List.of(fresh, revisedIncome(stored, "9", 1)));
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(findIncome(fresh.householdId(), 2016)).isEmpty();
        assertThat(findIncome(stored.householdId(), 2016)).contains(stored);
    }

    @Test
    void incomeSaveAllWorksAcrossChunksAndFindYearWithinReadsThemBack() {
        String county = COUNTY.countyCode();
        List<Household> households = data.households(VILLAGE_A1, BULK / 2);
        run(tx -> tx.households().insertAll(households));
        List<IncomeStatement> batch = new ArrayList<>();
        for (int year : new int[] {2016, 2017}) {
            for (Household h : households) {
                batch.add(data.incomeStatement(h.id(), year));
            }
        }
        Collections.shuffle(batch, new java.util.Random(7));

        List<IncomeStatement> stored = inTx(tx -> tx.incomes().saveAll(county, batch));

        assertThat(stored).containsExactlyElementsOf(batch.stream().map(s -> s.withVersion(1)).toList());
        Map<String, IncomeStatement> of2016 = incomesWithin(VILLAGE_A1, 2016);
        assertThat(of2016).hasSize(households.size());
        for (IncomeStatement s : stored) {
            if (s.year() == 2016) {
                assertThat(of2016.get(s.householdId())).isEqualTo(s);
            }
        }

        List<IncomeStatement> revised = new ArrayList<>();
        for (IncomeStatement s : stored) {
            revised.add(s.year() == 2017 ? revisedIncome(s, String.valueOf(s.householdId().hashCode() & 0xffff), 1)
                    : data.incomeStatement(s.householdId(), 2018));
        }
        List<IncomeStatement> second = inTx(tx -> tx.incomes().saveAll(county, revised));

        Map<String, IncomeStatement> of2017 = incomesWithin(COUNTY, 2017);
        Map<String, IncomeStatement> of2018 = incomesWithin(COUNTY, 2018);
        for (IncomeStatement s : second) {
            assertThat((s.year() == 2017 ? of2017 : of2018).get(s.householdId())).isEqualTo(s);
        }
        assertThat(of2017).hasSize(households.size()).allSatisfy((id, s) -> assertThat(s.version()).isEqualTo(2));
        assertThat(of2018).hasSize(households.size());

        List<IncomeStatement> late = new ArrayList<>();
        for (Household h : households) {
            late.add(data.incomeStatement(h.id(), 2019));
        }
        IncomeStatement twin = data.incomeStatement(households.get(3).id(), 2018);
        late.add(late.size() - 5, twin);
        assertFailsWith(ConflictException.class, "storage.duplicate", twin.householdId() + "/2018",
                () -> inTx(tx -> tx.incomes().saveAll(county, late)));
        assertThat(incomesWithin(COUNTY, 2019)).isEmpty();
    }

    @Test
    void findYearWithinReadsOneYearOfTheAreasHouseholdsOnly() {
        String county = COUNTY.countyCode();
        Household a1 = data.household(VILLAGE_A1);
        Household a1b = data.householdBuilder(VILLAGE_A1).status(PovertyStatus.REMOVED).build();
        Household a2 = data.household(VILLAGE_A2);
        Household b1 = data.household(VILLAGE_B1);
        Household other = data.household(OTHER_COUNTY_VILLAGE);
        run(tx -> tx.households().insertAll(List.of(a1, a1b, a2, b1, other)));
        Map<String, Map<Integer, IncomeStatement>> stored = new HashMap<>();
        run(tx -> {
            for (Household h : List.of(a1, a1b, a2, b1, other)) {
                for (int year : new int[] {2016, 2017}) {
                    if (h == a1b && year == 2017) {
                        continue;
                    }
                    IncomeStatement s = year == 2016 ? data.incomeStatement(h.id(), year)
                            : revisedIncome(data.incomeStatement(h.id(), year), String.valueOf(year), 0);
                    stored.computeIfAbsent(h.id(), k -> new HashMap<>())
                            .put(year, tx.incomes().save(h.countyCode(), s));
                }
            }
            // A statement of a household that is not stored lies in no area.
            tx.incomes().save(county, data.incomeStatement(data.nextHouseholdId(county), 2016));
        });
        IncomeStatement a2Revised = inTx(tx -> tx.incomes().save(county,
                revisedIncome(stored.get(a2.id()).get(2016), "42", 1)));
        stored.get(a2.id()).put(2016, a2Revised);
        Function<List<Household>, Map<String, IncomeStatement>> expected2016 = hs -> {
            Map<String, IncomeStatement> m = new HashMap<>();
            hs.forEach(h -> m.put(h.id(), stored.get(h.id()).get(2016)));
            return m;
        };

        assertThat(incomesWithin(TOWNSHIP_A, 2016))
                .isEqualTo(expected2016.apply(List.of(a1, a1b, a2)));
        assertThat(incomesWithin(VILLAGE_A1, 2017))
                .isEqualTo(Map.of(a1.id(), stored.get(a1.id()).get(2017)));
        assertThat(incomesWithin(COUNTY, 2016))
                .isEqualTo(expected2016.apply(List.of(a1, a1b, a2, b1)));
        assertThat(incomesWithin(PREFECTURE, 2016))
                .isEqualTo(expected2016.apply(List.of(a1, a1b, a2, b1, other)));
        assertThat(incomesWithin(OTHER_COUNTY, 2017))
                .isEqualTo(Map.of(other.id(), stored.get(other.id()).get(2017)));
        assertThat(incomesWithin(COUNTY, 2016).get(a2.id()).items())
                .containsEntry(IncomeItem.WAGES, new BigDecimal("42.00")).doesNotContainKey(IncomeItem.PRODUCTION);
        assertThat(incomesWithin(COUNTY, 2015)).isEmpty();
        assertThat(incomesWithin(RegionCode.of("341703"), 2016)).isEmpty();
    }

    @Test
    void documentSaveAllStoresAndUpdatesAsSaveDoesInInputOrder() {
        StoredDocument plan = inTx(tx -> tx.documents().save(data.document("plan", VILLAGE_A1, 2016)));
        StoredDocument fund = inTx(tx -> tx.documents().save(data.document("fund", VILLAGE_B1, null)));
        StoredDocument fresh = new StoredDocument("plan", "X1", VILLAGE_A2, 2017, 0, "{\"x\":1}", "H-1");
        List<StoredDocument> batch = List.of(fresh,
                new StoredDocument("plan", plan.id(), VILLAGE_A2, 2018, 1, "{\"moved\":true}", "H-1"),
                new StoredDocument("target", "X1", VILLAGE_A1, null, 0, "{}"),
                new StoredDocument("plan", "X1", OTHER_COUNTY_VILLAGE, 2017, 0, "{\"o\":1}", "H-1"),
                new StoredDocument("fund", fund.id(), VILLAGE_B1, 2019, 1, "{\"f\":2}"));
        List<StoredDocument> bySave = rolledBack(tx -> batch.stream().map(tx.documents()::save).toList());

        List<StoredDocument> stored = inTx(tx -> tx.documents().saveAll(batch));

        assertThat(stored).isEqualTo(bySave)
                .containsExactlyElementsOf(batch.stream().map(d -> d.withVersion(d.version() + 1)).toList());
        for (StoredDocument d : stored) {
            assertThat(findDocument(d.kind(), d.countyCode(), d.id())).contains(d);
        }
        assertThat(documentsAbout("plan", "H-1")).containsExactly(stored.get(1), stored.get(0));
        List<StoredDocument> none = inTx(tx -> tx.documents().saveAll(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void documentSaveAllOfOneDocumentSavedTwiceEndsWithTheLastVersion() {
        StoredDocument fresh = data.document("plan", VILLAGE_A1, 2016);
        List<StoredDocument> batch = List.of(fresh, new StoredDocument("plan", fresh.id(), VILLAGE_A1, 2016, 1, "{}"),
                new StoredDocument("plan", fresh.id(), VILLAGE_A2, 2017, 2, "{\"third\":3}", "H-9"));

        List<StoredDocument> stored = inTx(tx -> tx.documents().saveAll(batch));

        assertThat(stored).extracting(StoredDocument::version).containsExactly(1L, 2L, 3L);
        assertThat(findDocument("plan", COUNTY.countyCode(), fresh.id())).contains(stored.get(2));
        assertFailsWith(ConflictException.class, "storage.duplicate", "D-TWICE",
                () -> inTx(tx -> tx.documents().saveAll(List.of(
                        new StoredDocument("plan", "D-TWICE", VILLAGE_A1, null, 0, "{}"),
                        new StoredDocument("plan", "D-OTHER", VILLAGE_A1, null, 0, "{}"),
                        new StoredDocument("plan", "D-TWICE", VILLAGE_A2, null, 0, "{}")))));
        assertThat(findDocument("plan", COUNTY.countyCode(), "D-OTHER")).isEmpty();
    }

    @Test
    void documentSaveAllWithADuplicateInTheMiddleNamesItAndStoresNothing() {
        StoredDocument existing = inTx(tx -> tx.documents().save(data.document("plan", VILLAGE_A1, 2016)));
        StoredDocument changed = inTx(tx -> tx.documents().save(data.document("plan", VILLAGE_A2, 2016)));
        StoredDocument before = data.document("plan", VILLAGE_B1, 2016);
        StoredDocument after = data.document("plan", VILLAGE_B1, 2016);
        List<StoredDocument> batch = List.of(before, changed.withVersion(1), existing.withVersion(0), after);

        assertFailsWith(ConflictException.class, "storage.duplicate", existing.id(),
                () -> inTx(tx -> tx.documents().saveAll(batch)));

        assertThat(findDocument("plan", COUNTY.countyCode(), before.id())).isEmpty();
        assertThat(findDocument("plan", COUNTY.countyCode(), after.id())).isEmpty();
        assertThat(findDocument("plan", COUNTY.countyCode(), changed.id())).contains(changed);
        assertThat(findDocument("plan", COUNTY.countyCode(), existing.id())).contains(existing);
    }

    @Test
    void documentSaveAllNamesTheFirstDocumentThatBreaksTheRuleAndIsUndoneWithItsUnitOfWork() {
        StoredDocument x1 = inTx(tx -> tx.documents().save(data.document("fund", VILLAGE_A1, null)));
        StoredDocument x = inTx(tx -> tx.documents().save(x1));
        StoredDocument y = inTx(tx -> tx.documents().save(data.document("fund", VILLAGE_A1, null)));
        StoredDocument fresh = data.document("fund", VILLAGE_A1, null);
        StoredDocument stale = x.withVersion(1);
        StoredDocument duplicate = y.withVersion(0);
        StoredDocument ghost = data.document("fund", VILLAGE_A1, null).withVersion(4);

        assertFailsWith(ConflictException.class, "storage.version_conflict", x.id(),
                () -> inTx(tx -> tx.documents().saveAll(List.of(fresh, stale, duplicate, ghost))));
        assertFailsWith(NotFoundException.class, "storage.not_found", ghost.id(),
                () -> inTx(tx -> tx.documents().saveAll(List.of(fresh, ghost, stale, duplicate))));
        assertFailsWith(ConflictException.class, "storage.duplicate", y.id(),
                () -> inTx(tx -> tx.documents().saveAll(List.of(fresh, duplicate, ghost, stale))));
        assertThatThrownBy(() -> run(tx -> {
            tx.documents().saveAll(List.of(fresh, x));
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(findDocument("fund", COUNTY.countyCode(), fresh.id())).isEmpty();
        assertThat(findDocument("fund", COUNTY.countyCode(), x.id())).contains(x);
        assertThat(findDocument("fund", COUNTY.countyCode(), y.id())).contains(y);
    }

    @Test
    void documentSaveAllWorksAcrossChunksOfSeveralKindsAndCounties() {
        List<StoredDocument> batch = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            batch.add(data.document(i % 3 == 0 ? "fund" : "plan", i % 4 == 0 ? OTHER_COUNTY_VILLAGE : VILLAGE_A1,
                    2016 + i % 2));
        }

        List<StoredDocument> stored = inTx(tx -> tx.documents().saveAll(batch));

        assertThat(stored).containsExactlyElementsOf(batch.stream().map(d -> d.withVersion(1)).toList());
        List<StoredDocument> plans = documentsWithin("plan", PREFECTURE, null, PageRequest.first(PageRequest.MAX_LIMIT))
                .items();
        assertThat(plans).containsExactlyInAnyOrderElementsOf(stored.stream().filter(d -> d.kind().equals("plan"))
                .toList());
        assertThat(documentsWithin("fund", OTHER_COUNTY, null, PageRequest.first(1).withTotal()).total())
                .isEqualTo(stored.stream().filter(d -> d.kind().equals("fund")
                        && d.countyCode().equals(OTHER_COUNTY.countyCode())).count());

        List<StoredDocument> revised = stored.stream()
                .map(d -> new StoredDocument(d.kind(), d.id(), d.region(), null, d.version(), "{\"v\":2}", d.id()))
                .toList();
        List<StoredDocument> second = inTx(tx -> tx.documents().saveAll(revised));
        for (int i = 0; i < BULK; i += 97) {
            StoredDocument d = second.get(i);
            assertThat(findDocument(d.kind(), d.countyCode(), d.id())).contains(d);
        }
        assertThat(second).allSatisfy(d -> assertThat(d.version()).isEqualTo(2));

        List<StoredDocument> late = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            late.add(data.document("plan", VILLAGE_A2, 2020));
        }
        StoredDocument stale = revised.get(BULK - 3);
        late.add(BULK - 2, stale);
        assertFailsWith(ConflictException.class, "storage.version_conflict", stale.id(),
                () -> inTx(tx -> tx.documents().saveAll(late)));
        assertThat(documentsWithin("plan", VILLAGE_A2, 2020, PageRequest.first(1).withTotal()).total()).isEqualTo(0L);
    }

    @Test
    void updateAllReplacesHouseholdsAsUpdateDoesRewritingOnlyChangedMembers() {
        List<Household> stored = inTx(tx -> tx.households().insertAll(List.of(data.household(VILLAGE_A1),
                data.household(VILLAGE_A2), data.household(OTHER_COUNTY_VILLAGE), data.household(VILLAGE_B1))));
        Member newcomer = data.member(Relationship.DAUGHTER_IN_LAW, LocalDate.of(2001, 5, 6), Sex.FEMALE);
        Member leaving = stored.get(1).members().get(1);
        List<Member> reordered = new ArrayList<>(stored.get(3).members());
        Collections.swap(reordered, 1, 2);
        List<Member> changedMembers = new ArrayList<>(stored.get(1).members());
        changedMembers.remove(leaving);
        changedMembers.add(newcomer);
        List<Household> batch = List.of(
                stored.get(3).toBuilder().members(reordered).build(),
                stored.get(0).toBuilder().status(PovertyStatus.EXITED).address("新址").build(),
                stored.get(1).toBuilder().members(changedMembers).phone(null).build(),
                stored.get(2).toBuilder().status(PovertyStatus.REMOVED).housing(null).build());
        List<Household> byUpdate = rolledBack(tx -> batch.stream().map(tx.households()::update).toList());

        List<Household> updated = inTx(tx -> tx.households().updateAll(batch));

        assertThat(updated).isEqualTo(byUpdate)
                .containsExactlyElementsOf(batch.stream().map(h -> h.toBuilder().version(2).build()).toList());
        for (Household h : updated) {
            assertThat(findHousehold(h.id())).contains(h);
        }
        assertThat(activeWith(leaving.citizenId())).isEmpty();
        assertThat(activeWith(newcomer.citizenId())).extracting(Household::id).containsExactly(stored.get(1).id());
        assertThat(activeWith(stored.get(2).members().get(0).citizenId())).isEmpty();
        List<Household> none = inTx(tx -> tx.households().updateAll(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void updateAllOfOneHouseholdUpdatedTwiceEndsWithTheLastVersion() {
        Household stored = inTx(tx -> tx.households().insert(data.household(VILLAGE_A1)));
        Household first = stored.toBuilder().status(PovertyStatus.PRE_EXIT).build();
        Household second = stored.toBuilder().status(PovertyStatus.EXITED).version(2)
                .members(stored.members().subList(0, 2)).build();
        List<Household> byUpdate = rolledBack(tx -> List.of(tx.households().update(first),
                tx.households().update(second)));

        List<Household> updated = inTx(tx -> tx.households().updateAll(List.of(first, second)));

        assertThat(updated).isEqualTo(byUpdate).extracting(Household::version).containsExactly(2L, 3L);
        assertThat(findHousehold(stored.id())).contains(updated.get(1));
        assertThat(activeWith(stored.members().get(3).citizenId())).isEmpty();
    }

    @Test
    void updateAllNamesTheFirstHouseholdThatBreaksTheRuleAndChangesNothing() {
        List<Household> stored = inTx(tx -> tx.households().insertAll(data.households(VILLAGE_A1, 3)));
        Household winner = inTx(tx -> tx.households().update(stored.get(1).toBuilder().address("甲").build()));
        Household ok = stored.get(0).toBuilder().status(PovertyStatus.EXITED).members(List.of(
                stored.get(0).members().get(0))).build();
        Household stale = stored.get(1).toBuilder().address("乙").build();
        Household ghost = data.householdBuilder(VILLAGE_A2).version(1).build();
        Household elsewhere = stored.get(2).toBuilder().region(OTHER_COUNTY_VILLAGE).build();

        assertFailsWith(ConflictException.class, "storage.version_conflict", stale.id(),
                () -> inTx(tx -> tx.households().updateAll(List.of(ok, stale, ghost))));
        assertFailsWith(NotFoundException.class, "storage.not_found", ghost.id(),
                () -> inTx(tx -> tx.households().updateAll(List.of(ok, ghost, stale))));
        assertThatThrownBy(() -> inTx(tx -> tx.households().updateAll(List.of(ok, elsewhere, stale))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run(tx -> {
            tx.households().updateAll(List.of(ok, winner));
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(findHousehold(ok.id())).contains(stored.get(0));
        assertThat(findHousehold(winner.id())).contains(winner);
        assertThat(findHousehold(ghost.id())).isEmpty();
        assertThat(activeWith(stored.get(0).members().get(3).citizenId())).extracting(Household::id)
                .containsExactly(ok.id());
    }

    @Test
    void findAllAndRegionsOfAnswerAsFindAndRegionOfDo() {
        List<Household> stored = inTx(tx -> tx.households().insertAll(List.of(data.household(VILLAGE_A1),
                data.household(VILLAGE_B1), data.household(OTHER_COUNTY_VILLAGE), data.household(VILLAGE_A2))));
        List<String> ids = new ArrayList<>();
        ids.add(stored.get(3).id());
        ids.add("341702-99999999");
        ids.add(stored.get(0).id());
        ids.add("nope");
        ids.add(stored.get(2).id());
        ids.add(stored.get(0).id());
        Map<String, Household> expected = new HashMap<>();
        Map<String, RegionCode> expectedRegions = new HashMap<>();
        for (Household h : List.of(stored.get(3), stored.get(0), stored.get(2))) {
            expected.put(h.id(), findHousehold(h.id()).orElseThrow());
            expectedRegions.put(h.id(), h.region());
        }

        Map<String, Household> found = inTx(tx -> tx.households().findAll(ids));
        Map<String, RegionCode> regions = inTx(tx -> tx.households().regionsOf(ids));

        assertThat(found).isEqualTo(expected);
        assertThat(found.get(stored.get(3).id()).members()).containsExactlyElementsOf(stored.get(3).members());
        assertThat(regions).isEqualTo(expectedRegions);
        Map<String, Household> none = inTx(tx -> tx.households().findAll(List.of()));
        Map<String, RegionCode> noRegions = inTx(tx -> tx.households().regionsOf(List.of("341702-99999999")));
        assertThat(none).isEmpty();
        assertThat(noRegions).isEmpty();
    }

    @Test
    void statusFilteredScansAndSummariesAnswerAsTheFullScanDoes() {
        List<Household> all = new ArrayList<>();
        PovertyStatus[] statuses = PovertyStatus.values();
        List<RegionCode> villages = List.of(VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, OTHER_COUNTY_VILLAGE);
        for (int i = 0; i < BULK; i++) {
            Household h = data.household(villages.get(i % villages.size()));
            all.add(h.toBuilder().status(statuses[(i / 3) % statuses.length])
                    .members(h.members().subList(0, 1 + i % h.members().size())).build());
        }
        run(tx -> tx.households().insertAll(all));
        Set<PovertyStatus> poor = java.util.EnumSet.of(PovertyStatus.NOT_EXITED, PovertyStatus.PRE_EXIT,
                PovertyStatus.RETURNED);
        for (RegionCode area : List.of(COUNTY, TOWNSHIP_A, VILLAGE_B1, OTHER_COUNTY, PREFECTURE)) {
            List<Household> inside = all.stream().filter(h -> area.contains(h.region()))
                    .sorted(java.util.Comparator.comparing(Household::id)).map(h -> h.toBuilder().version(1).build())
                    .toList();
            List<Household> poorVisited = inTx(tx -> {
                List<Household> hs = new ArrayList<>();
                tx.households().forEachWithin(area, poor, hs::add);
                return hs;
            });
            assertThat(poorVisited).as("poor households of %s", area)
                    .isEqualTo(inside.stream().filter(h -> poor.contains(h.status())).toList());
            List<HouseholdSummary> summaries = inTx(tx -> {
                List<HouseholdSummary> hs = new ArrayList<>();
                tx.households().forEachSummaryWithin(area, hs::add);
                return hs;
            });
            assertThat(summaries).as("summaries of %s", area)
                    .isEqualTo(inside.stream().map(HouseholdSummary::of).toList());
        }
        List<Household> none = inTx(tx -> {
            List<Household> hs = new ArrayList<>();
            tx.households().forEachWithin(COUNTY, Set.of(), hs::add);
            return hs;
        });
        assertThat(none).isEmpty();
    }

    @Test
    void householdBulkPathsWorkAcrossChunks() {
        List<Household> all = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            all.add(data.household(i % 5 == 0 ? OTHER_COUNTY_VILLAGE : i % 2 == 0 ? VILLAGE_A1 : VILLAGE_B1));
        }
        run(tx -> tx.households().insertAll(all));
        List<String> ids = new ArrayList<>(all.stream().map(Household::id).toList());
        Collections.shuffle(ids, new java.util.Random(11));

        Map<String, Household> found = inTx(tx -> tx.households().findAll(ids));
        Map<String, RegionCode> regions = inTx(tx -> tx.households().regionsOf(ids));
        assertThat(found).hasSize(BULK);
        assertThat(regions).hasSize(BULK);
        for (Household h : all) {
            assertThat(found.get(h.id())).isEqualTo(h.toBuilder().version(1).build());
            assertThat(regions.get(h.id())).isEqualTo(h.region());
        }

        List<Household> changes = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            Household h = found.get(ids.get(i));
            changes.add(i % 3 == 0 ? h.toBuilder().members(h.members().subList(0, 3)).build()
                    : h.toBuilder().status(PovertyStatus.EXITED).build());
        }
        List<Household> updated = inTx(tx -> tx.households().updateAll(changes));
        Map<String, Household> reloaded = inTx(tx -> tx.households().findAll(ids));
        assertThat(updated).hasSize(BULK);
        for (Household h : updated) {
            assertThat(h.version()).isEqualTo(2);
            assertThat(reloaded.get(h.id())).isEqualTo(h);
        }

        List<CitizenId> citizens = new ArrayList<>();
        Map<CitizenId, List<String>> expected = new HashMap<>();
        for (Household h : updated) {
            for (Member m : h.members()) {
                citizens.add(m.citizenId());
                expected.put(m.citizenId(), List.of(h.id()));
            }
        }
        Map<CitizenId, List<String>> holders = inTx(tx -> tx.households().activeHoldersOf(citizens));
        assertThat(citizens).hasSizeGreaterThan(BULK);
        assertThat(holders).isEqualTo(expected);

        List<Household> late = new ArrayList<>(updated.subList(0, BULK - 1));
        late.add(updated.get(BULK - 1).toBuilder().version(1).build());
        assertFailsWith(ConflictException.class, "storage.version_conflict", updated.get(BULK - 1).id(),
                () -> inTx(tx -> tx.households().updateAll(late)));
        assertThat(findHousehold(updated.get(0).id())).contains(updated.get(0));
    }

    @Test
    void activeHoldersOfListsTheActiveHouseholdsOfEachIdAsFindActiveByCitizenIdDoes() {
        Household active = data.household(VILLAGE_A1);
        Member shared = active.members().get(0);
        Household removed = data.householdBuilder(VILLAGE_A2).status(PovertyStatus.REMOVED)
                .addMember(as(shared, Relationship.OTHER)).build();
        Household exited = data.householdBuilder(OTHER_COUNTY_VILLAGE).status(PovertyStatus.EXITED).build();
        run(tx -> tx.households().insertAll(List.of(exited, removed, active)));
        CitizenId onlyRemoved = removed.members().get(0).citizenId();
        CitizenId unknown = SampleData.citizenId("341702", LocalDate.of(1970, 1, 1), 999);
        CitizenId ofActive = active.members().get(2).citizenId();
        CitizenId ofExited = exited.members().get(1).citizenId();
        List<CitizenId> asked = List.of(unknown, shared.citizenId(), onlyRemoved, ofActive, shared.citizenId(),
                ofExited);

        Map<CitizenId, List<String>> holders = inTx(tx -> tx.households().activeHoldersOf(asked));

        assertThat(holders).isEqualTo(Map.of(shared.citizenId(), List.of(active.id()), ofActive,
                List.of(active.id()), ofExited, List.of(exited.id())));
        for (CitizenId c : asked) {
            List<String> one = activeWith(c).stream().map(Household::id).sorted().toList();
            assertThat(holders.getOrDefault(c, List.of())).isEqualTo(one);
        }
        Map<CitizenId, List<String>> none = inTx(tx -> tx.households().activeHoldersOf(List.of()));
        assertThat(none).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------- transactions

    @Test
    void aUnitOfWorkReturnsItsResultAndSeesItsOwnWrites() {
        Household h = data.household();

        String result = inTx(tx -> {
            Household stored = tx.households().insert(h);
            assertThat(tx.households().find(h.id())).contains(stored);
            assertThat(tx.households().countWithin(COUNTY)).isEqualTo(1);
            Household updated = tx.households().update(stored.toBuilder().address("改").build());
            assertThat(tx.households().find(h.id())).contains(updated);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(findHousehold(h.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aFailingUnitOfWorkLeavesNothingBehind() {
        RuntimeException boom = new IllegalStateException("boom");
        Household single = data.household(VILLAGE_A1);
        List<Household> batch = data.households(VILLAGE_B1, 3);
        IncomeStatement income = data.incomeStatement(single.id(), 2016);
        AuditEntry entry = data.auditEntry("household", single.id(), VILLAGE_A1, "register");
        StoredDocument doc = data.document("identification-case", VILLAGE_A1, 2016);

        assertThatThrownBy(() -> run(tx -> {
            data.regions().forEach(tx.regions()::save);
            tx.households().insert(single);
            tx.households().insertAll(batch);
            tx.incomes().save(COUNTY.countyCode(), income);
            tx.audit().append(entry);
            tx.documents().save(doc);
            throw boom;
        })).isSameAs(boom);

        assertThat(regionsWithin(PREFECTURE)).isEmpty();
        assertThat(countWithin(PREFECTURE)).isZero();
        assertThat(findHousehold(single.id())).isEmpty();
        assertThat(activeWith(batch.get(1).members().get(0).citizenId()))
                .isEmpty();
        assertThat(incomesOf(single.id())).isEmpty();
        assertThat(auditOf("household", single.id())).isEmpty();
        assertThat(auditCount(COUNTY.countyCode())).isZero();
        assertThat(documentsWithin(doc.kind(), PREFECTURE, null, PageRequest.first(10).withTotal()).total())
                .isEqualTo(0);
    }

    @Test
    void aFailingUnitOfWorkRestoresWhatItChangedAndDeleted() {
        Region village = new Region(VILLAGE_A1, "刘街村", 2_310, true);
        Household kept = data.household(VILLAGE_A1);
        Household doomed = data.household(VILLAGE_A2);
        Household newcomer = data.household(VILLAGE_B1);
        run(tx -> {
            tx.regions().save(village);
            tx.households().insertAll(List.of(kept, doomed));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(kept.id(), 2016));
            tx.incomes().save(COUNTY.countyCode(), data.incomeStatement(doomed.id(), 2016));
            tx.documents().save(data.document("plan", VILLAGE_A1, 2016));
            tx.documents().save(data.document("plan", VILLAGE_A2, 2016));
        });
        Snapshot before = snapshot(kept.id(), doomed.id(), newcomer.id());

        assertThatThrownBy(() -> run(tx -> {
            tx.regions().save(new Region(VILLAGE_A1, "改名村", 1, false));
            Household k = tx.households().find(kept.id()).orElseThrow();
            tx.households().update(k.toBuilder().status(PovertyStatus.EXITED).members(k.members().subList(0, 1))
                    .build());
            tx.households().delete(doomed.id(), 1);
            tx.households().insert(newcomer);
            IncomeStatement s = tx.incomes().find(kept.id(), 2016).orElseThrow();
            tx.incomes().save(COUNTY.countyCode(), new IncomeStatement(s.householdId(), 2016, Map.of(),
                    BigDecimal.ZERO, 1, s.version()));
            tx.incomes().deleteByHousehold(doomed.id());
            List<StoredDocument> docs = tx.documents().findWithin("plan", COUNTY, null, PageRequest.first(10)).items();
            tx.documents().save(new StoredDocument("plan", docs.get(0).id(), COUNTY, null, 1, "{}"));
            tx.documents().delete("plan", COUNTY.countyCode(), docs.get(1).id(), 1);
            tx.audit().append(data.auditEntry("household", kept.id(), VILLAGE_A1, "amend"));
            throw new IllegalStateException("undo everything");
        })).hasMessage("undo everything");

        assertThat(snapshot(kept.id(), doomed.id(), newcomer.id())).isEqualTo(before);
    }

    @Test
    void aConflictInsideAUnitOfWorkRollsBackItsEarlierWrites() {
        Household stored = inTx(tx -> tx.households().insert(data.household(VILLAGE_A1)));
        inTx(tx -> tx.households().update(stored.toBuilder().address("新").build()));
        Household other = data.household(VILLAGE_A2);

        assertThatThrownBy(() -> run(tx -> {
            tx.households().insert(other);
            tx.households().update(stored.toBuilder().address("旧版本").build());
        })).isInstanceOf(ConflictException.class);

        assertThat(findHousehold(other.id())).isEmpty();
    }

    @Test
    void aUnitOfWorkStartedInsideAnotherOnTheSameThreadJoinsIt() {
        Household outer = data.household(VILLAGE_A1);
        Household inner = data.household(VILLAGE_A2);

        assertThatThrownBy(() -> run(tx -> {
            tx.households().insert(outer);
            long seenInside = storage.inTransaction(nested -> {
                nested.households().insert(inner);
                return nested.households().countWithin(COUNTY);
            });
            assertThat(seenInside).isEqualTo(2);
            assertThat(tx.households().find(inner.id())).isPresent();
            throw new IllegalStateException("outer fails after inner returned");
        })).hasMessage("outer fails after inner returned");

        assertThat(findHousehold(outer.id())).isEmpty();
        assertThat(findHousehold(inner.id())).isEmpty();
    }

    /** Everything a test can observe, for before/after comparisons. */
    protected record Snapshot(List<Region> regions, List<Household> households, List<List<IncomeStatement>> incomes,
            List<StoredDocument> documents, long auditEntries) {
    }

    /** What storage holds in the prefecture, plus the income statements of the given households. */
    protected Snapshot snapshot(String... householdIds) {
        return inTx(tx -> {
            List<List<IncomeStatement>> incomes = new ArrayList<>();
            for (String id : householdIds) {
                incomes.add(tx.incomes().findByHousehold(id));
            }
            return new Snapshot(tx.regions().findWithin(PREFECTURE),
                    tx.households().findWithin(PREFECTURE, PageRequest.first(PageRequest.MAX_LIMIT)).items(), incomes,
                    tx.documents().findWithin("plan", PREFECTURE, null, PageRequest.first(PageRequest.MAX_LIMIT))
                            .items(),
                    countAudit(tx, COUNTY.countyCode()));
        });
    }
}
