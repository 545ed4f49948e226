package org.jingzhun.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.IdSequence;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.Page;
import org.jingzhun.spi.storage.PageRequest;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * The household registry (建档立卡): registers, amends and removes households with their members and yearly income
 * statements. Every write is validated in full first (every violation reported together, in zh-CN and en) and
 * nothing is written when any check fails; a citizen ID belongs to at most one active household; every change is
 * audited with before/after and a reason; every call is confined to the principal's region scope.
 *
 * <p>Every household it returns passes through {@link Disclosure} with the principal's default
 * {@link MaskingProfile}: a principal without VIEW_PERSONAL_DATA gets redacted IDs, masked phone and bank numbers and
 * no address detail or health, and every unmasked read is recorded in the audit log. Such a principal may amend what
 * it read: the values it could not see are restored from the stored record.
 */
public final class HouseholdRegistry {
    static final String HOUSEHOLD = "household";
    static final String INCOME = "income";

    private final CoreContext ctx;
    private final IdSequence ids = new IdSequence();
    private final Disclosure disclosure;
    private final ReadAudit reads;

    public HouseholdRegistry(CoreContext ctx, Disclosure disclosure) {
        this.ctx = ctx;
        this.disclosure = disclosure;
        this.reads = new ReadAudit(ctx);
    }

    /**
     * Registers a new household (version 0). A blank id is assigned from the county's running number.
     *
     * @return the stored household with its id and version 1
     */
    public Household register(Principal principal, Household household, String reason) {
        Objects.requireNonNull(household, "household");
        requireWrite(principal, household.region(), "register households");
        return shown(ctx.write(principal, w -> {
            Household toStore = household.id() == null || household.id().isBlank()
                    ? household.toBuilder().id(ids.next(w.tx(), HOUSEHOLD, household.region())).version(0).build()
                    : household.toBuilder().version(0).build();
            checkAll(w.tx(), toStore, null, null, null);
            Household stored = w.tx().households().insert(toStore);
            w.audit(HOUSEHOLD, stored.id(), stored.region(), "register", reason, null, stored);
            return stored;
        }), principal);
    }

    /**
     * Registers many households in one transaction, the bulk path of imports and baseline loads: all are validated
     * first (each violation names the household's position, {@code row N}), citizen IDs must also be unique within
     * the batch, and either every household is stored or none. Blank ids are assigned consecutively.
     */
    public List<Household> registerAll(Principal principal, List<Household> households, String reason) {
        for (Household h : households) {
            requireWrite(principal, h.region(), "register households");
        }
        return shownAll(ctx.write(principal, w -> {
            List<Violation> problems = new ArrayList<>();
            Map<String, String> batchIds = new java.util.HashMap<>();
            Map<RegionCode, Optional<Region>> regionCache = new java.util.HashMap<>();
            Set<CitizenId> citizenIds = new HashSet<>();
            for (Household h : households) {
                for (Member m : h.members()) {
                    if (m != null && m.citizenId() != null) {
                        citizenIds.add(m.citizenId());
                    }
                }
            }
            Map<CitizenId, List<String>> held = w.tx().households().activeHoldersOf(citizenIds);
            for (int i = 0; i < households.size(); i++) {
                Household h = households.get(i);
                String record = "row " + (i + 1);
                try {
                    checkAll(w.tx(), h, h.id(), record, null, regionCache, id -> held.getOrDefault(id, List.of()));
                } catch (ValidationException e) {
                    problems.addAll(e.violations());
                }
                problems.addAll(repeatedInBatch(record, h, batchIds));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long blanks = households.stream().filter(h -> h.id() == null || h.id().isBlank()).count();
            Iterator<String> fresh = blanks == 0 ? java.util.Collections.emptyIterator()
                    : ids.block(w.tx(), HOUSEHOLD, households.get(0).region(), (int) blanks).iterator();
            List<Household> toStore = new ArrayList<>(households.size());
            for (Household h : households) {
                String id = h.id() == null || h.id().isBlank() ? fresh.next() : h.id();
                toStore.add(h.toBuilder().id(id).version(0).build());
            }
            List<Household> stored = w.tx().households().insertAll(toStore);
            for (Household h : stored) {
                w.audit(HOUSEHOLD, h.id(), h.region(), "register", reason, null, h);
            }
            return stored;
        }), principal);
    }

    /**
     * Records many income statements in one transaction (a year's survey): all validated first, all stored or none.
     */
    public List<IncomeStatement> recordIncomes(Principal principal, List<IncomeStatement> statements, String reason) {
        return ctx.write(principal, w -> {
            List<Violation> problems = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (IncomeStatement s : statements) {
                if (s.householdId() != null) {
                    ids.add(s.householdId());
                }
            }
            Map<String, RegionCode> places = w.tx().households().regionsOf(ids);
            Set<String> keys = new HashSet<>();
            for (IncomeStatement s : statements) {
                String record = "income " + s.householdId() + "/" + s.year();
                problems.addAll(ctx.validation().validate(record, s));
                RegionCode place = s.householdId() == null ? null : places.get(s.householdId());
                if (s.householdId() != null && !keys.add(s.householdId() + "/" + s.year())) {
                    problems.add(Violation.of(record, "year", "validation.income_repeated", s.householdId(),
                            s.year()));
                }
                if (place == null) {
                    problems.add(Violation.of(record, "householdId", "household.not_found", s.householdId()));
                } else {
                    requireWrite(principal, place, "record incomes");
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            // One bulk save per county (a survey is nearly always one county), in input order within each.
            Map<String, List<Integer>> byCounty = new java.util.LinkedHashMap<>();
            for (int i = 0; i < statements.size(); i++) {
                byCounty.computeIfAbsent(places.get(statements.get(i).householdId()).countyCode(),
                        c -> new ArrayList<>()).add(i);
            }
            IncomeStatement[] out = new IncomeStatement[statements.size()];
            for (Map.Entry<String, List<Integer>> e : byCounty.entrySet()) {
                List<IncomeStatement> batch = e.getValue().stream().map(statements::get).toList();
                List<IncomeStatement> befores = new ArrayList<>(batch.size());
                for (IncomeStatement s : batch) {
                    befores.add(s.version() == 0 ? null : w.tx().incomes().find(s.householdId(), s.year()).orElse(null));
                }
                List<IncomeStatement> stored = w.tx().incomes().saveAll(e.getKey(), batch);
                for (int i = 0; i < batch.size(); i++) {
                    IncomeStatement s = batch.get(i);
                    out[e.getValue().get(i)] = stored.get(i);
                    w.audit(INCOME, s.householdId(), places.get(s.householdId()),
                            befores.get(i) == null ? "record-income" : "correct-income", reason, befores.get(i),
                            stored.get(i));
                }
            }
            return List.of(out);
        });
    }

    /**
     * Stores a changed household. {@code changed.version()} must be the version the caller read.
     *
     * @throws org.jingzhun.spi.error.ConflictException when someone else changed it meanwhile
     */
    public Household amend(Principal principal, Household changed, String reason) {
        Objects.requireNonNull(changed, "changed");
        requireWrite(principal, changed.region(), "amend households");
        return shown(ctx.write(principal, w -> {
            Household before = load(w.tx(), changed.id());
            requireWrite(principal, before.region(), "amend households");
            Household toStore = unmasked(principal, changed, before);
            checkAll(w.tx(), toStore, toStore.id(), null, before);
            Household stored = w.tx().households().update(toStore);
            w.audit(HOUSEHOLD, stored.id(), stored.region(), "amend", reason, before, stored);
            return stored;
        }), principal);
    }

    /**
     * Stores many changed households in one unit of work (a village's corrections, measures carried out across a
     * list): each {@code version()} must be the version read. All are checked first — every violation names its
     * position ({@code row N}), citizen IDs added must be free and may not be added twice in the batch — and either
     * every household is stored or none. The stored households, their members and newly added IDs are read in bulk.
     *
     * @throws org.jingzhun.spi.error.ConflictException when someone else changed one of them meanwhile
     */
    public List<Household> amendAll(Principal principal, List<Household> given, String reason) {
        for (Household h : given) {
            Objects.requireNonNull(h, "changed");
            requireWrite(principal, h.region(), "amend households");
        }
        return shownAll(ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Map<String, Household> befores = tx.households().findAll(given.stream().map(Household::id).toList());
            List<Household> changed = given.stream().map(h -> unmasked(principal, h, befores.get(h.id()))).toList();
            List<Violation> problems = new ArrayList<>();
            Set<CitizenId> added = new HashSet<>();
            Map<String, String> batchIds = new java.util.HashMap<>();
            Set<String> listed = new HashSet<>();
            for (int i = 0; i < changed.size(); i++) {
                Household h = changed.get(i);
                String record = "row " + (i + 1);
                Household before = befores.get(h.id());
                if (before == null) {
                    problems.add(Violation.of(record, "id", "household.not_found", h.id()));
                    continue;
                }
                if (!listed.add(h.id())) {
                    problems.add(Violation.of(record, "id", "workflow.listed_twice", h.id()));
                    continue;
                }
                requireWrite(principal, before.region(), "amend households");
                Set<String> held = new HashSet<>();
                if (before.status().active()) {
                    before.members().forEach(m -> held.add(m.citizenId().value()));
                }
                problems.addAll(repeatedInBatch(record, h, batchIds));
                for (Member member : h.members()) {
                    if (member != null && member.citizenId() != null && !held.contains(member.citizenId().value())) {
                        added.add(member.citizenId());
                    }
                }
            }
            Map<CitizenId, List<String>> holders = tx.households().activeHoldersOf(added);
            Map<RegionCode, Optional<Region>> regionCache = new java.util.HashMap<>();
            for (int i = 0; i < changed.size(); i++) {
                Household h = changed.get(i);
                Household before = befores.get(h.id());
                if (before == null) {
                    continue;
                }
                try {
                    checkAll(tx, h, h.id(), "row " + (i + 1), before, regionCache,
                            id -> holders.getOrDefault(id, List.of()));
                } catch (ValidationException e) {
                    problems.addAll(e.violations());
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            List<Household> stored = tx.households().updateAll(changed);
            for (int i = 0; i < stored.size(); i++) {
                Household after = stored.get(i);
                w.audit(HOUSEHOLD, after.id(), after.region(), "amend", reason, befores.get(after.id()), after);
            }
            return stored;
        }), principal);
    }

    /**
     * Removes a wrongly registered household (清退): its status becomes REMOVED, its members' IDs are freed, and the
     * record and its history stay. A reason is required.
     */
    public Household remove(Principal principal, String householdId, long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(Violation.of("household " + householdId, "reason",
                    "validation.required")));
        }
        return shown(ctx.write(principal, w -> {
            Household before = load(w.tx(), householdId);
            requireWrite(principal, before.region(), "remove households");
            Household removed = before.toBuilder().status(PovertyStatus.REMOVED).version(expectedVersion).build();
            Household stored = w.tx().households().update(removed);
            w.audit(HOUSEHOLD, stored.id(), stored.region(), "remove", reason, before, stored);
            return stored;
        }), principal);
    }

    /** Records (or corrects, with its version) a household's income statement for a year. */
    public IncomeStatement recordIncome(Principal principal, IncomeStatement statement, String reason) {
        Objects.requireNonNull(statement, "statement");
        return ctx.write(principal, w -> {
            Household h = load(w.tx(), statement.householdId());
            requireWrite(principal, h.region(), "record incomes");
            String record = "income " + statement.householdId() + "/" + statement.year();
            List<Violation> problems = ctx.validation().validate(record, statement);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Optional<IncomeStatement> before = w.tx().incomes().find(statement.householdId(), statement.year());
            IncomeStatement stored = w.tx().incomes().save(h.countyCode(), statement);
            w.audit(INCOME, h.id(), h.region(), before.isEmpty() ? "record-income" : "correct-income", reason,
                    before.orElse(null), stored);
            return stored;
        });
    }

    /** A household visible to the principal, as its masking profile lets it out. */
    public Optional<Household> find(Principal principal, String householdId) {
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        Optional<Household> found = visible(principal, householdId);
        found.ifPresent(h -> reads.record(principal, profile, h.id(), h.region(), "registry.find", Map.of()));
        return found.map(h -> disclosure.household(h, profile));
    }

    /** A household that must exist and be visible to the principal. */
    public Household get(Principal principal, String householdId) {
        return find(principal, householdId)
                .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
    }

    /** Households inside {@code area}, narrowed to the principal's scope, ordered by id, masked for the principal. */
    public Page<Household> search(Principal principal, RegionCode area, PageRequest page) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        Page<Household> found = ctx.read(tx -> tx.households().findWithin(effective, page));
        reads.record(principal, profile, effective.value(), effective, "registry.search",
                Map.of("households", found.items().stream().map(Household::id).toList()));
        return found.map(h -> disclosure.household(h, profile));
    }

    /**
     * Hands every household inside {@code area} (narrowed to the principal's scope) to {@code action} in id order,
     * masked for the principal, read in one unit of work: the scan path for reports and yearly runs, cheaper than
     * paging with totals. An unmasked scan is recorded once, with the area and the number of households read.
     */
    public void forEachWithin(Principal principal, RegionCode area, java.util.function.Consumer<Household> action) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        long[] count = {0};
        ctx.read(tx -> {
            tx.households().forEachWithin(effective, h -> {
                count[0]++;
                action.accept(disclosure.household(h, profile));
            });
            return null;
        });
        reads.record(principal, profile, effective.value(), effective, "registry.forEachWithin",
                Map.of("households", count[0]));
    }

    public long count(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> tx.households().countWithin(effective));
    }

    /** Income statements of a household, oldest year first. */
    public List<IncomeStatement> incomes(Principal principal, String householdId) {
        requireVisible(principal, householdId);
        return ctx.read(tx -> tx.incomes().findByHousehold(householdId));
    }

    public Optional<IncomeStatement> income(Principal principal, String householdId, int year) {
        requireVisible(principal, householdId);
        return ctx.read(tx -> tx.incomes().find(householdId, year));
    }

    /**
     * The full history of a household, oldest first: card changes, income statements and (once other capabilities
     * record them under the household's id) workflow steps, each with the fields it altered, the values masked for
     * the principal.
     */
    public List<HistoryEntry> history(Principal principal, String householdId) {
        Household h = requireVisible(principal, householdId);
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        List<AuditEntry> entries = ctx.read(tx -> {
            List<AuditEntry> all = new ArrayList<>(tx.audit().findByEntity(HOUSEHOLD, householdId));
            all.addAll(tx.audit().findByEntity(INCOME, householdId));
            return all;
        });
        entries.sort(Comparator.comparingLong(AuditEntry::sequence));
        List<HistoryEntry> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            out.add(new HistoryEntry(e.sequence(), e.at(), e.actorId(), e.actorName(), e.entityType(), e.action(),
                    disclosure.text(e.reason(), profile),
                    diff(disclosure.json(ctx.json().tree(e.before()), profile),
                            disclosure.json(ctx.json().tree(e.after()), profile))));
        }
        reads.record(principal, profile, h.id(), h.region(), "registry.history", Map.of());
        return out;
    }

    private Optional<Household> visible(Principal principal, String householdId) {
        return ctx.read(tx -> tx.households().find(householdId))
                .filter(h -> principal.can(Permission.READ) && principal.covers(h.region()));
    }

    private Household requireVisible(Principal principal, String householdId) {
        return visible(principal, householdId)
                .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
    }

    /** What a write hands back: the stored household as the principal may see it (its own writes are not reads). */
    private Household shown(Household stored, Principal principal) {
        return disclosure.household(stored, MaskingProfile.defaultFor(principal));
    }

    private List<Household> shownAll(List<Household> stored, Principal principal) {
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        return profile == MaskingProfile.FULL ? stored
                : stored.stream().map(h -> disclosure.household(h, profile)).toList();
    }

    /** The household to store: for a principal who reads masked data, with the values it could not see restored. */
    private Household unmasked(Principal principal, Household changed, Household before) {
        return MaskingProfile.defaultFor(principal) == MaskingProfile.FULL ? changed
                : disclosure.restoreWithheld(changed, before);
    }

    /**
     * Citizen IDs of {@code h} that an earlier row of the same batch already lists; records each ID's first row in
     * {@code batchIds} (ID → row).
     */
    private static List<Violation> repeatedInBatch(String record, Household h, Map<String, String> batchIds) {
        List<Violation> out = new ArrayList<>();
        for (int m = 0; m < h.members().size(); m++) {
            Member member = h.members().get(m);
            if (member != null && member.citizenId() != null) {
                String other = batchIds.putIfAbsent(member.citizenId().value(), record);
                if (other != null && !other.equals(record)) {
                    out.add(Violation.of(record, "members[" + m + "].citizenId", "validation.id_taken",
                            member.citizenId().masked(), other));
                }
            }
        }
        return out;
    }

    private Household load(StorageTransaction tx, String id) {
        return tx.households().find(id).orElseThrow(() -> new NotFoundException("household.not_found", id));
    }

    private void requireWrite(Principal principal, RegionCode region, String action) {
        ctx.guard().require(principal, Permission.WRITE, region, action);
    }

    /**
     * Bean Validation plus the registry's own rules; throws with every violation at once. Citizen IDs the household
     * already held while active ({@code before}) were checked when they were added and are not looked up again.
     */
    private void checkAll(StorageTransaction tx, Household h, String selfId, String recordName, Household before) {
        checkAll(tx, h, selfId, recordName, before, null,
                id -> tx.households().findActiveByCitizenId(id).stream().map(Household::id).toList());
    }

    /**
     * @param holders the ids of the active households holding a citizen ID (a per-ID query, or a map prefetched for
     *                a whole batch)
     */
    private void checkAll(StorageTransaction tx, Household h, String selfId, String recordName, Household before,
            Map<RegionCode, Optional<Region>> regionCache,
            java.util.function.Function<CitizenId, List<String>> holders) {
        Set<String> held = new HashSet<>();
        if (before != null && before.status().active()) {
            before.members().forEach(m -> held.add(m.citizenId().value()));
        }
        String record = recordName != null ? recordName : "household " + (h.id() == null ? "(new)" : h.id());
        List<Violation> problems = new ArrayList<>(ctx.validation().validate(record, h));
        if (h.region() != null) {
            Optional<Region> region = regionCache == null ? tx.regions().find(h.region())
                    : regionCache.computeIfAbsent(h.region(), c -> tx.regions().find(c));
            if (region.isEmpty()) {
                problems.add(Violation.of(record, "region", "validation.region_unknown", h.region()));
            } else if (region.get().level() != RegionLevel.VILLAGE) {
                problems.add(Violation.of(record, "region", "validation.region_not_village", h.region(),
                        region.get().level().label()));
            }
        }
        long heads = h.members().stream().filter(m -> m != null && m.relationship() == Relationship.HEAD).count();
        if (!h.members().isEmpty() && heads != 1) {
            problems.add(Violation.of(record, "members", "validation.head_count", heads));
        }
        Set<PovertyCause> causes = new HashSet<>();
        if (h.mainCause() != null) {
            causes.add(h.mainCause());
        }
        for (int i = 0; i < h.otherCauses().size(); i++) {
            PovertyCause c = h.otherCauses().get(i);
            if (c != null && !causes.add(c)) {
                problems.add(Violation.of(record, "otherCauses[" + i + "]", "validation.cause_repeated", c.label()));
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < h.members().size(); i++) {
            Member m = h.members().get(i);
            if (m == null || m.citizenId() == null) {
                continue;
            }
            String field = "members[" + i + "].citizenId";
            if (m.citizenId().isRedacted()) {
                problems.add(Violation.of(record, field, "validation.masked_value", m.citizenId().value()));
                continue;
            }
            if (!seen.add(m.citizenId().value())) {
                problems.add(Violation.of(record, field, "validation.duplicate_member", m.citizenId().masked()));
                continue;
            }
            if (h.status() != null && h.status().active() && !held.contains(m.citizenId().value())) {
                for (String other : holders.apply(m.citizenId())) {
                    if (!other.equals(selfId)) {
                        problems.add(Violation.of(record, field, "validation.id_taken", m.citizenId().masked(),
                                other));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Field-level differences of two JSON trees, by path; the version token is not a change. */
    static List<FieldChange> diff(JsonNode before, JsonNode after) {
        Map<String, String> a = new TreeMap<>();
        Map<String, String> b = new TreeMap<>();
        flatten("", before, a);
        flatten("", after, b);
        a.remove("version");
        b.remove("version");
        Set<String> paths = new java.util.TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String p : paths) {
            String x = a.get(p);
            String y = b.get(p);
            if (!Objects.equals(x, y)) {
                out.add(new FieldChange(p, x, y));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
