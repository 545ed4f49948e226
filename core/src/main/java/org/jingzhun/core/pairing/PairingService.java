package org.jingzhun.core.pairing;

import org.jingzhun.spi.household.HouseholdSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.IdSequence;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadrePairing;
import org.jingzhun.spi.pairing.HelpingUnit;
import org.jingzhun.spi.pairing.TeamMember;
import org.jingzhun.spi.pairing.UnitPairing;
import org.jingzhun.spi.pairing.UnitPairingKind;
import org.jingzhun.spi.pairing.WorkTeam;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Pairing (结对帮扶): helping units and leaders with poor villages (单位包村, 领导定点联系), cadres with households
 * (干部包户) under each cadre's maximum load, and resident work teams (驻村工作队) with their members and periods.
 * Reassignment closes the current pairing the day before the new one starts and opens a new one, so who was
 * responsible when is never lost. Household pairings are audited under the household, so they appear in
 * {@link org.jingzhun.core.registry.HouseholdRegistry#history}. Changes need ADMINISTER; reports need READ.
 */
public final class PairingService {
    static final String UNIT = "helping-unit";
    static final String CADRE = "cadre";
    static final String UNIT_PAIRING = "unit-pairing";
    static final String CADRE_PAIRING = "cadre-pairing";
    static final String WORK_TEAM = "work-team";
    private static final String HOUSEHOLD = "household";

    private final CoreContext ctx;
    private final IdSequence ids = new IdSequence();
    private final DocumentStore<HelpingUnit> units;
    private final DocumentStore<Cadre> cadres;
    private final DocumentStore<UnitPairing> unitPairings;
    private final DocumentStore<CadrePairing> cadrePairings;
    private final DocumentStore<WorkTeam> teams;

    public PairingService(CoreContext ctx) {
        this.ctx = ctx;
        this.units = new DocumentStore<>(UNIT, HelpingUnit.class, ctx.json(), HelpingUnit::id, HelpingUnit::county,
                u -> null);
        this.cadres = new DocumentStore<>(CADRE, Cadre.class, ctx.json(), Cadre::id, Cadre::county, c -> null);
        this.unitPairings = new DocumentStore<>(UNIT_PAIRING, UnitPairing.class, ctx.json(), UnitPairing::id,
                UnitPairing::village, p -> null);
        this.cadrePairings = new DocumentStore<>(CADRE_PAIRING, CadrePairing.class, ctx.json(), CadrePairing::id,
                CadrePairing::region, p -> null).withSubject(CadrePairing::householdId);
        this.teams = new DocumentStore<>(WORK_TEAM, WorkTeam.class, ctx.json(), WorkTeam::id, WorkTeam::village,
                t -> null);
    }

    // ---------------------------------------------------------------- units and cadres

    /** Registers or updates a helping unit (by id). */
    public HelpingUnit saveUnit(Principal principal, HelpingUnit unit, String reason) {
        validate("helping unit " + unit.id(), unit);
        requireCounty("helping unit " + unit.id(), unit.county());
        ctx.guard().require(principal, Permission.ADMINISTER, unit.county(), "register helping units");
        return ctx.write(principal, w -> {
            Optional<Versioned<HelpingUnit>> before = units.find(w.tx(), unit.county().countyCode(), unit.id());
            units.save(w.tx(), unit, before.map(Versioned::version).orElse(0L));
            w.audit(UNIT, unit.id(), unit.county(), before.isEmpty() ? "register" : "amend", reason,
                    before.map(Versioned::value).orElse(null), unit);
            return unit;
        });
    }

    /** Registers or updates a cadre (by id), including the cadre's maximum household load. */
    public Cadre saveCadre(Principal principal, Cadre cadre, String reason) {
        return saveCadres(principal, List.of(cadre), reason).get(0);
    }

    /**
     * Registers or updates many cadres (by id) in one unit of work, e.g. a unit's list of cadres for household
     * pairing (干部包户名单). Every cadre is validated first; all are stored or none.
     */
    public List<Cadre> saveCadres(Principal principal, List<Cadre> list, String reason) {
        List<Violation> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Cadre cadre : list) {
            String record = "cadre " + cadre.id();
            problems.addAll(ctx.validation().validate(record, cadre));
            if (cadre.id() != null && !listed.add(cadre.id())) {
                problems.add(Violation.of(record, "id", "workflow.listed_twice", cadre.id()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (Cadre cadre : list) {
            requireCounty("cadre " + cadre.id(), cadre.county());
            ctx.guard().require(principal, Permission.ADMINISTER, cadre.county(), "register cadres");
        }
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            Map<String, Map<String, Versioned<Cadre>>> existing = new HashMap<>();
            Map<String, List<String>> idsByCounty = new HashMap<>();
            list.forEach(c -> idsByCounty.computeIfAbsent(c.county().countyCode(), k -> new ArrayList<>()).add(c.id()));
            idsByCounty.forEach((county, ids) -> existing.put(county, cadres.findAll(tx, county, ids)));
            Map<String, Boolean> unitKnown = new HashMap<>();
            List<Versioned<Cadre>> toSave = new ArrayList<>(list.size());
            for (Cadre cadre : list) {
                String county = cadre.county().countyCode();
                if (cadre.unitId() != null && !unitKnown.computeIfAbsent(county + "/" + cadre.unitId(),
                        k -> units.find(tx, county, cadre.unitId()).isPresent())) {
                    throw new NotFoundException("pairing.unit_not_found", cadre.unitId());
                }
                Optional<Versioned<Cadre>> before = Optional.ofNullable(existing.get(county).get(cadre.id()));
                toSave.add(new Versioned<>(cadre, before.map(Versioned::version).orElse(0L)));
                w.audit(CADRE, cadre.id(), cadre.county(), before.isEmpty() ? "register" : "amend", reason,
                        before.map(Versioned::value).orElse(null), cadre);
            }
            cadres.saveAll(tx, toSave);
            return List.copyOf(list);
        });
    }

    public List<HelpingUnit> units(Principal principal, RegionCode county) {
        RegionCode area = ctx.guard().clampSearch(principal, county.ancestorAt(RegionLevel.COUNTY));
        return ctx.read(tx -> values(units.all(tx, area, null)));
    }

    public List<Cadre> cadres(Principal principal, RegionCode county) {
        RegionCode area = ctx.guard().clampSearch(principal, county.ancestorAt(RegionLevel.COUNTY));
        return ctx.read(tx -> values(cadres.all(tx, area, null)));
    }

    // ---------------------------------------------------------------- cadre–household (干部包户)

    /**
     * Makes a cadre responsible for a household from a day. When another cadre is responsible, that pairing is
     * closed the day before (reassignment). Refused when the cadre already carries its maximum.
     */
    public CadrePairing pairCadre(Principal principal, String householdId, String cadreId, LocalDate from,
            String reason) {
        return ctx.write(principal, w -> pairOne(w, householdId, cadreId, from, reason));
    }

    /**
     * Pairs every poor household of an area that has no cadre with one of the given cadres, round-robin over the
     * cadres in the order given while each is below its maximum. All or nothing: refused when the cadres' spare
     * capacity is smaller than the number of unpaired households.
     *
     * @return the new pairings, household id order
     */
    public List<CadrePairing> pairUnpaired(Principal principal, RegionCode area, List<String> cadreIds,
            LocalDate from, String reason) {
        ctx.guard().require(principal, Permission.ADMINISTER, area, "pair cadres");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            List<CadrePairing> all = values(cadrePairings.all(tx, RegionCode.of(area.countyCode()), null));
            java.util.Set<String> pairedNow = new java.util.HashSet<>();
            Map<String, Integer> carried = new HashMap<>();
            for (CadrePairing p : all) {
                if (p.open()) {
                    pairedNow.add(p.householdId());
                    carried.merge(p.cadreId(), 1, Integer::sum);
                }
            }
            List<HouseholdSummary> unpaired = households(tx, area).stream()
                    .filter(h -> h.status().poor() && !pairedNow.contains(h.id())).toList();
            Map<String, Integer> spare = new HashMap<>();
            Map<String, Cadre> known = new HashMap<>();
            values(cadres.all(tx, RegionCode.of(area.countyCode()), null)).forEach(c -> known.put(c.id(), c));
            int capacity = 0;
            for (String id : new java.util.LinkedHashSet<>(cadreIds)) {
                Cadre c = known.get(id);
                if (c == null) {
                    c = cadre(tx, area.countyCode(), id);
                }
                int s = Math.max(0, c.maxHouseholds() - carried.getOrDefault(id, 0));
                spare.put(id, s);
                capacity += s;
            }
            if (capacity < unpaired.size()) {
                throw new WorkflowException("pairing.capacity", spare.size(), capacity, unpaired.size());
            }
            if (unpaired.isEmpty()) {
                return List.of();
            }
            java.util.Iterator<String> fresh = ids.block(tx, CADRE_PAIRING, area, unpaired.size()).iterator();
            List<CadrePairing> out = new ArrayList<>(unpaired.size());
            List<Versioned<CadrePairing>> toSave = new ArrayList<>(unpaired.size());
            int next = 0;
            for (HouseholdSummary h : unpaired) {
                while (spare.get(cadreIds.get(next % cadreIds.size())) == 0) {
                    next++;
                }
                String cadreId = cadreIds.get(next % cadreIds.size());
                spare.merge(cadreId, -1, Integer::sum);
                next++;
                CadrePairing p = new CadrePairing(fresh.next(), h.id(), h.region(), cadreId, from, null);
                toSave.add(new Versioned<>(p, 0));
                w.audit(HOUSEHOLD, h.id(), h.region(), "pair-cadre", reason, null, p);
                out.add(p);
            }
            cadrePairings.saveAll(tx, toSave);
            return out;
        });
    }

    /** Ends a household's current cadre pairing on {@code lastDay} (inclusive), e.g. when it exits assistance. */
    public CadrePairing unpairCadre(Principal principal, String householdId, LocalDate lastDay, String reason) {
        return ctx.write(principal, w -> {
            Household h = household(w.tx(), householdId);
            ctx.guard().require(principal, Permission.ADMINISTER, h.region(), "pair cadres");
            Versioned<CadrePairing> current = openPairing(w.tx(), h)
                    .orElseThrow(() -> new WorkflowException("pairing.not_paired", householdId));
            CadrePairing closed = close(current.value(), lastDay);
            cadrePairings.save(w.tx(), closed, current.version());
            w.audit(HOUSEHOLD, householdId, h.region(), "unpair-cadre", reason, current.value(), closed);
            return closed;
        });
    }

    /** The cadre pairing of a household in force now (open), if any. */
    public Optional<CadrePairing> currentCadre(Principal principal, String householdId) {
        return cadreHistory(principal, householdId).stream().filter(CadrePairing::open).findFirst();
    }

    /** Every cadre pairing a household has had, oldest first. */
    public List<CadrePairing> cadreHistory(Principal principal, String householdId) {
        return ctx.read(tx -> {
            Household h = household(tx, householdId);
            ctx.guard().require(principal, Permission.READ, h.region(), "read pairings");
            return pairingsOf(tx, h);
        });
    }

    /** Households a cadre is responsible for now. */
    public List<CadrePairing> householdsOf(Principal principal, RegionCode county, String cadreId) {
        RegionCode area = ctx.guard().clampSearch(principal, county.ancestorAt(RegionLevel.COUNTY));
        return ctx.read(tx -> values(cadrePairings.all(tx, area, null)).stream()
                .filter(p -> p.cadreId().equals(cadreId) && p.open()).toList());
    }

    /** The open pairing of a household without access checks, for other capabilities of core (plans, lists). */
    public Optional<CadrePairing> currentCadre(StorageTransaction tx, Household h) {
        return openPairing(tx, h).map(Versioned::value);
    }

    /**
     * The open pairings of the listed households of one county, keyed by household id, read by subject in bulk: the
     * bulk form of {@link #currentCadre(StorageTransaction, Household)} (plans for the poor).
     */
    public Map<String, CadrePairing> currentCadres(StorageTransaction tx, String countyCode,
            java.util.Collection<String> householdIds) {
        Map<String, CadrePairing> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        for (List<Versioned<CadrePairing>> pairings : cadrePairings.bySubjects(tx, countyCode, householdIds)
                .values()) {
            for (Versioned<CadrePairing> v : pairings) {
                if (v.value().open()) {
                    out.put(v.value().householdId(), v.value());
                }
            }
        }
        return out;
    }

    /** A registered cadre without access checks, for other capabilities of core. */
    public Optional<Cadre> findCadre(StorageTransaction tx, String countyCode, String cadreId) {
        return cadres.find(tx, countyCode, cadreId).map(Versioned::value);
    }

    // ---------------------------------------------------------------- units and leaders with villages (单位包村)

    /**
     * Ties a helping unit (resident or twinned) or a leading cadre (leader contact) to a poor village from a day.
     * Refused when the same helper is already tied to the village in the same way.
     */
    public UnitPairing pairVillage(Principal principal, RegionCode village, UnitPairingKind kind, String helperId,
            LocalDate from, String reason) {
        return ctx.write(principal, w -> openVillage(w, village, kind, helperId, from, reason));
    }

    private UnitPairing openVillage(CoreContext.Work w, RegionCode village, UnitPairingKind kind, String helperId,
            LocalDate from, String reason) {
        ctx.guard().require(w.principal(), Permission.ADMINISTER, village, "pair units");
        StorageTransaction tx = w.tx();
        requireVillage(tx, village);
        checkHelper(tx, village.countyCode(), kind, helperId);
        for (UnitPairing p : values(unitPairings.all(tx, village, null))) {
            if (p.helperId().equals(helperId) && p.kind() == kind && p.to() == null) {
                throw new WorkflowException("pairing.already_paired", village, helperId);
            }
        }
        UnitPairing p = new UnitPairing(ids.next(tx, UNIT_PAIRING, village), village, kind, helperId, from, null);
        unitPairings.save(tx, p, 0);
        w.audit(UNIT_PAIRING, p.id(), village, "pair-village", reason, null, p);
        return p;
    }

    /** Ends a unit or leader pairing on {@code lastDay}; the record stays with its end date. */
    public UnitPairing endVillagePairing(Principal principal, String pairingId, LocalDate lastDay, String reason) {
        return ctx.write(principal, w -> endVillage(w, pairingId, lastDay, reason));
    }

    /** Replaces the helper of a village pairing from a day: the old pairing ends the day before, a new one opens. */
    public UnitPairing reassignVillage(Principal principal, String pairingId, String newHelperId, LocalDate from,
            String reason) {
        return ctx.write(principal, w -> {
            UnitPairing old = endVillage(w, pairingId, from.minusDays(1), reason);
            return openVillage(w, old.village(), old.kind(), newHelperId, from, reason);
        });
    }

    private UnitPairing endVillage(CoreContext.Work w, String pairingId, LocalDate lastDay, String reason) {
        Versioned<UnitPairing> current = unitPairings.find(w.tx(), countyOf(pairingId), pairingId)
                .orElseThrow(() -> new NotFoundException("pairing.not_found", pairingId));
        ctx.guard().require(w.principal(), Permission.ADMINISTER, current.value().village(), "pair units");
        if (current.value().to() != null) {
            throw new WorkflowException("pairing.closed", pairingId, current.value().to());
        }
        requireOrder(current.value().from(), lastDay);
        UnitPairing closed = current.value().closedOn(lastDay);
        unitPairings.save(w.tx(), closed, current.version());
        w.audit(UNIT_PAIRING, pairingId, closed.village(), "end-pairing", reason, current.value(), closed);
        return closed;
    }

    /** Unit and leader pairings of the villages inside an area, current and ended. */
    public List<UnitPairing> villagePairings(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(unitPairings.all(tx, effective, null)));
    }

    // ---------------------------------------------------------------- resident work teams (驻村工作队)

    /** Stations a work team in a village from a day with its first members. */
    public WorkTeam createWorkTeam(Principal principal, RegionCode village, String name, String unitId,
            LocalDate from, List<TeamMember> members, String reason) {
        ctx.guard().require(principal, Permission.ADMINISTER, village, "station work teams");
        return ctx.write(principal, w -> {
            StorageTransaction tx = w.tx();
            requireVillage(tx, village);
            if (unitId != null) {
                unit(tx, village.countyCode(), unitId);
            }
            for (TeamMember m : members) {
                cadre(tx, village.countyCode(), m.cadreId());
            }
            WorkTeam team = new WorkTeam(ids.next(tx, WORK_TEAM, village), village, name, unitId, from, null,
                    members);
            validate("work team " + team.id(), team);
            teams.save(tx, team, 0);
            w.audit(WORK_TEAM, team.id(), village, "station-team", reason, null, team);
            return team;
        });
    }

    /** Adds a member to a team from a day. */
    public WorkTeam addTeamMember(Principal principal, String teamId, TeamMember member, String reason) {
        return changeTeam(principal, teamId, reason, "add-member", (tx, t) -> {
            cadre(tx, t.village().countyCode(), member.cadreId());
            if (t.members().stream().anyMatch(m -> m.cadreId().equals(member.cadreId()) && m.to() == null)) {
                throw new WorkflowException("pairing.already_member", member.cadreId(), teamId);
            }
            List<TeamMember> next = new ArrayList<>(t.members());
            next.add(member);
            return new WorkTeam(t.id(), t.village(), t.name(), t.unitId(), t.from(), t.to(), next);
        });
    }

    /** Ends a member's stationing on {@code lastDay}; the member's line stays with its end date. */
    public WorkTeam endTeamMember(Principal principal, String teamId, String cadreId, LocalDate lastDay,
            String reason) {
        return changeTeam(principal, teamId, reason, "end-member", (tx, t) -> {
            List<TeamMember> next = new ArrayList<>();
            boolean found = false;
            for (TeamMember m : t.members()) {
                if (!found && m.cadreId().equals(cadreId) && m.to() == null) {
                    requireOrder(m.from(), lastDay);
                    next.add(new TeamMember(m.cadreId(), m.role(), m.from(), lastDay));
                    found = true;
                } else {
                    next.add(m);
                }
            }
            if (!found) {
                throw new WorkflowException("pairing.not_member", cadreId, teamId);
            }
            return new WorkTeam(t.id(), t.village(), t.name(), t.unitId(), t.from(), t.to(), next);
        });
    }

    /** Ends a team's stationing on {@code lastDay}; members still stationed end with it. */
    public WorkTeam endWorkTeam(Principal principal, String teamId, LocalDate lastDay, String reason) {
        return changeTeam(principal, teamId, reason, "end-team", (tx, t) -> {
            requireOrder(t.from(), lastDay);
            List<TeamMember> next = t.members().stream()
                    .map(m -> m.to() == null ? new TeamMember(m.cadreId(), m.role(), m.from(), lastDay) : m).toList();
            return new WorkTeam(t.id(), t.village(), t.name(), t.unitId(), t.from(), lastDay, next);
        });
    }

    /** Work teams of the villages inside an area, stationed or not. */
    public List<WorkTeam> workTeams(Principal principal, RegionCode area) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        return ctx.read(tx -> values(teams.all(tx, effective, null)));
    }

    // ---------------------------------------------------------------- coverage

    /**
     * Who is not covered on a day: poor households without a cadre, poor villages without a unit or stationed team
     * or without a contacting leader, and each cadre's load.
     */
    public CoverageReport coverage(Principal principal, RegionCode area, LocalDate on) {
        ctx.guard().require(principal, Permission.READ, area, "read pairing coverage");
        return ctx.read(tx -> {
            RegionCode county = RegionCode.of(area.countyCode());
            Map<String, Cadre> byId = new HashMap<>();
            values(cadres.all(tx, county, null)).forEach(c -> byId.put(c.id(), c));
            return Coverage.compute(area, on, households(tx, area), tx.regions().findWithin(area),
                    values(cadrePairings.all(tx, county, null)), values(unitPairings.all(tx, area, null)),
                    values(teams.all(tx, area, null)), byId);
        });
    }

    // ---------------------------------------------------------------- internals

    private CadrePairing pairOne(CoreContext.Work w, String householdId, String cadreId, LocalDate from,
            String reason) {
        StorageTransaction tx = w.tx();
        Household h = household(tx, householdId);
        ctx.guard().require(w.principal(), Permission.ADMINISTER, h.region(), "pair cadres");
        Cadre cadre = cadre(tx, h.countyCode(), cadreId);
        Optional<Versioned<CadrePairing>> current = openPairing(tx, h);
        if (current.isPresent() && current.get().value().cadreId().equals(cadreId)) {
            throw new WorkflowException("pairing.already_paired", householdId, cadreId);
        }
        long carried = values(cadrePairings.all(tx, RegionCode.of(h.countyCode()), null)).stream()
                .filter(p -> p.cadreId().equals(cadreId) && p.open()).count();
        if (carried >= cadre.maxHouseholds()) {
            throw new WorkflowException("pairing.cadre_overloaded", cadreId, carried, cadre.maxHouseholds());
        }
        CadrePairing old = null;
        if (current.isPresent()) {
            old = current.get().value();
            if (!from.isAfter(old.from())) {
                throw new WorkflowException("pairing.reassign_too_early", householdId, from, old.from());
            }
            CadrePairing closed = close(old, from.minusDays(1));
            cadrePairings.save(tx, closed, current.get().version());
            w.audit(HOUSEHOLD, householdId, h.region(), "unpair-cadre", reason, old, closed);
        }
        return open(w, h, cadreId, from, reason, old);
    }

    private CadrePairing open(CoreContext.Work w, Household h, String cadreId, LocalDate from, String reason,
            CadrePairing replaced) {
        CadrePairing p = new CadrePairing(ids.next(w.tx(), CADRE_PAIRING, h.region()), h.id(), h.region(), cadreId,
                from, null);
        cadrePairings.save(w.tx(), p, 0);
        w.audit(HOUSEHOLD, h.id(), h.region(), replaced == null ? "pair-cadre" : "reassign-cadre", reason, replaced,
                p);
        return p;
    }

    private CadrePairing close(CadrePairing p, LocalDate lastDay) {
        requireOrder(p.from(), lastDay);
        return p.closedOn(lastDay);
    }

    private interface TeamChange {
        WorkTeam apply(StorageTransaction tx, WorkTeam team);
    }

    private WorkTeam changeTeam(Principal principal, String teamId, String reason, String action, TeamChange change) {
        return ctx.write(principal, w -> {
            Versioned<WorkTeam> current = teams.find(w.tx(), countyOf(teamId), teamId)
                    .orElseThrow(() -> new NotFoundException("pairing.team_not_found", teamId));
            ctx.guard().require(principal, Permission.ADMINISTER, current.value().village(), "station work teams");
            WorkTeam next = change.apply(w.tx(), current.value());
            validate("work team " + teamId, next);
            teams.save(w.tx(), next, current.version());
            w.audit(WORK_TEAM, teamId, next.village(), action, reason, current.value(), next);
            return next;
        });
    }

    private Optional<Versioned<CadrePairing>> openPairing(StorageTransaction tx, Household h) {
        return cadrePairings.bySubject(tx, h.countyCode(), h.id()).stream()
                .filter(v -> v.value().open()).findFirst();
    }

    private List<CadrePairing> pairingsOf(StorageTransaction tx, Household h) {
        List<CadrePairing> out = new ArrayList<>(values(cadrePairings.bySubject(tx, h.countyCode(), h.id())));
        out.sort(Comparator.comparing(CadrePairing::from).thenComparing(CadrePairing::id));
        return out;
    }

    private void checkHelper(StorageTransaction tx, String county, UnitPairingKind kind, String helperId) {
        if (kind.unit()) {
            unit(tx, county, helperId);
        } else {
            Cadre c = cadre(tx, county, helperId);
            if (!c.role().leader()) {
                throw new WorkflowException("pairing.not_leader", helperId, c.role().label());
            }
        }
    }

    private HelpingUnit unit(StorageTransaction tx, String county, String id) {
        return units.find(tx, county, id).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("pairing.unit_not_found", id));
    }

    private Cadre cadre(StorageTransaction tx, String county, String id) {
        return cadres.find(tx, county, id).map(Versioned::value)
                .orElseThrow(() -> new NotFoundException("pairing.cadre_not_found", id));
    }

    private static Household household(StorageTransaction tx, String id) {
        return tx.households().find(id).orElseThrow(() -> new NotFoundException("household.not_found", id));
    }

    private static void requireVillage(StorageTransaction tx, RegionCode village) {
        Region r = tx.regions().find(village).orElseThrow(() -> new ValidationException(List.of(
                Violation.of("village " + village, "village", "validation.region_unknown", village))));
        if (r.level() != RegionLevel.VILLAGE) {
            throw new ValidationException(List.of(Violation.of("village " + village, "village",
                    "pairing.village_required", village, r.level().label())));
        }
    }

    private static void requireCounty(String record, RegionCode county) {
        if (county.level() != RegionLevel.COUNTY) {
            throw new ValidationException(List.of(Violation.of(record, "county", "target.not_county", county,
                    county.level().label())));
        }
    }

    private static void requireOrder(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new WorkflowException("pairing.end_before_start", to, from);
        }
    }

    private void validate(String record, Object value) {
        List<Violation> problems = ctx.validation().validate(record, value);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static String countyOf(String generatedId) {
        return generatedId.length() >= 6 ? generatedId.substring(0, 6) : generatedId;
    }

    static List<HouseholdSummary> households(StorageTransaction tx, RegionCode area) {
        List<HouseholdSummary> out = new ArrayList<>();
        tx.households().forEachSummaryWithin(area, out::add);
        return out;
    }

    private static <T> List<T> values(List<Versioned<T>> vs) {
        return vs.stream().map(Versioned::value).toList();
    }
}
