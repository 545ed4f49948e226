package org.jingzhun.core.identification;

import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.registry.HouseholdRegistry;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.access.Principal;
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
    private final CoreContext ctx;
    private final HouseholdRegistry registry;

    public DynamicAdjustment(CoreContext ctx, HouseholdRegistry registry) {
        this.ctx = ctx;
        this.registry = registry;
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

    /** An exited household falls back into poverty (返贫): EXITED becomes RETURNED. */
    public Household returnToPoverty(Principal principal, String householdId, int year, String reason) {
        requireReason(reason, "return to poverty");
        Household h = stored(principal, householdId);
        if (h.status() != PovertyStatus.EXITED) {
            throw new WorkflowException("workflow.status", h.id(), h.status().label(), "返贫",
                    PovertyStatus.EXITED.label());
        }
        return registry.amend(principal, h.toBuilder().status(PovertyStatus.RETURNED).build(),
                "返贫 return to poverty " + year + ": " + reason);
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
