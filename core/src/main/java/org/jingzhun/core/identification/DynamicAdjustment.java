package org.jingzhun.core.identification;

import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.disclosure.Disclosure;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.person.CitizenId;

/**
 * Annual dynamic adjustment (动态调整) of registered households besides exits: return to poverty (返贫), removal of
 * wrongly registered households (错评清退) and member changes (birth, death, marriage, migration). Each goes through
 * the registry, so it is validated, audited with a reason and shown in the household's history. New identification
 * in a later year is an ordinary {@link IdentificationWorkflow#apply} for that year.
 */
public final class DynamicAdjustment {
    /** Document kind of {@link ReturnRecord}s. */
    public static final String RETURN_KIND = "return-record";

    private final CoreContext ctx;
    private final HouseholdRegistry registry;
    private final DocumentStore<ReturnRecord> returns;
    private final Disclosure disclosure;

    public DynamicAdjustment(CoreContext ctx, HouseholdRegistry registry, Disclosure disclosure) {
        this.ctx = ctx;
        this.registry = registry;
        this.disclosure = disclosure;
        this.returns = returnStore(ctx);
    }

    /**
     * The stored household the change starts from. Read unmasked and unrecorded: it is the input of a write, which the
     * registry audits, and a principal without VIEW_PERSONAL_DATA gets only the masked result of that write.
     */
    private Household stored(Principal principal, String householdId) {
        Household h = ctx.read(tx -> tx.households().find(householdId))
                .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
        ctx.guard().require(principal, Permission.READ, h.region(), "read households");
        return h;
    }

    /** The store of return records; the yearly statistics read the same kind to count returns. */
    private static DocumentStore<ReturnRecord> returnStore(CoreContext ctx) {
        return new DocumentStore<>(RETURN_KIND, ReturnRecord.class, ctx.json(), ReturnRecord::id,
                ReturnRecord::region, ReturnRecord::year).withSubject(ReturnRecord::householdId);
    }

    /**
     * A household's return to poverty (返贫) in a year, kept so the yearly series can count returns.
     *
     * @param id {@code <householdId>.<year>}
     */
    public record ReturnRecord(String id, String householdId, RegionCode region, int year, int people) {
    }

    /**
     * An exited household falls back into poverty (返贫): EXITED becomes RETURNED, and a return record of
     * {@code year} is kept in the same unit of work for the yearly statistics.
     */
    public Household returnToPoverty(Principal principal, String householdId, int year, String reason) {
        requireReason(reason, "return to poverty");
        Household returned = ctx.write(principal, w -> {
            Household h = w.tx().households().find(householdId)
                    .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
            ctx.guard().require(principal, Permission.WRITE, h.region(), "返贫");
            if (h.status() != PovertyStatus.EXITED) {
                throw new WorkflowException("workflow.status", h.id(), h.status().label(), "返贫",
                        PovertyStatus.EXITED.label());
            }
            Household after = w.tx().households().updateAll(List.of(h.toBuilder().status(PovertyStatus.RETURNED)
                    .build())).get(0);
            w.audit("household", h.id(), h.region(), "amend", "返贫 return to poverty " + year + ": " + reason,
                    new StatusFields(h.status(), h.version()), new StatusFields(after.status(), after.version()));
            String id = h.id() + "." + year;
            long version = returns.find(w.tx(), h.countyCode(), id).map(v -> v.version()).orElse(0L);
            returns.save(w.tx(), new ReturnRecord(id, h.id(), h.region(), year, h.size()), version);
            return after;
        });
        return disclosure.household(returned, MaskingProfile.defaultFor(principal));
    }

    /** What a return changes on the card, as its audit entry logs it. */
    private record StatusFields(PovertyStatus status, long version) {
    }

    /** Removes a wrongly registered household (清退); record and history stay, member IDs are freed. */
    public Household removeWrongRegistration(Principal principal, String householdId, String reason) {
        requireReason(reason, "removal");
        Household h = stored(principal, householdId);
        if (h.status() == PovertyStatus.REMOVED) {
            throw new WorkflowException("workflow.status", h.id(), h.status().label(), "清退", "active");
        }
        return registry.remove(principal, householdId, h.version(), "错评清退 wrong registration: " + reason);
    }

    /** A member arrives (birth, marriage in, migration in). */
    public Household addMember(Principal principal, String householdId, MemberChange change, Member member,
            String note) {
        if (!change.arrival()) {
            throw new IllegalArgumentException(change + " removes a member; use removeMember");
        }
        Household h = stored(principal, householdId);
        List<Member> members = new ArrayList<>(h.members());
        members.add(member);
        return registry.amend(principal, h.toBuilder().members(members).build(), reason(change, member, note));
    }

    /** A member leaves (death, marriage out, migration out). Removing the head needs a new head first. */
    public Household removeMember(Principal principal, String householdId, MemberChange change, CitizenId citizenId,
            String note) {
        if (change.arrival()) {
            throw new IllegalArgumentException(change + " adds a member; use addMember");
        }
        Household h = stored(principal, householdId);
        List<Member> members = new ArrayList<>(h.members());
        Member leaving = members.stream().filter(m -> m.citizenId().equals(citizenId)).findFirst()
                .orElseThrow(() -> new WorkflowException("workflow.member_not_found", householdId,
                        citizenId.masked()));
        members.remove(leaving);
        return registry.amend(principal, h.toBuilder().members(members).build(), reason(change, leaving, note));
    }

    private static String reason(MemberChange change, Member m, String note) {
        return "人口变更 " + change.label() + " (" + change.name().toLowerCase(java.util.Locale.ROOT) + "): "
                + m.name() + " " + m.citizenId().masked() + (note == null || note.isBlank() ? "" : " — " + note);
    }

    private static void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.reason_required", what);
        }
    }
}
