package org.jingzhun.example.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.identification.ExitCase;
import org.jingzhun.core.identification.ExitStage;
import org.jingzhun.core.identification.IdentificationCase;
import org.jingzhun.core.identification.IdentificationStage;
import org.jingzhun.core.identification.IdentificationWorkflow;
import org.jingzhun.core.identification.VillageVote;
import org.jingzhun.core.identification.WorkflowStep;
import org.jingzhun.core.monitoring.LeadKind;
import org.jingzhun.core.monitoring.MonitoringCase;
import org.jingzhun.core.monitoring.MonitoringStage;
import org.jingzhun.core.monitoring.NoticeEntry;
import org.jingzhun.spi.policy.MonitoringCategory;
import org.jingzhun.spi.policy.ProcedureTerms;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;

/**
 * The clerk's daily work (办理): the open entry (识别), exit (退出) and monitoring (防返贫监测) cases of an area with the
 * steps the signed-in user may take on each, the step itself, monitoring leads entered from a visit, and the public
 * notices (公示) of the cases in a notice. Which steps are
 * offered is only a convenience for the screen: every step is a call to the library's procedure, which checks scope,
 * permission, level and notice days itself and refuses otherwise.
 */
final class CaseWork {
    /** Entry or exit procedure. */
    enum Kind {
        ENTRY("贫困户识别"), EXIT("脱贫退出"), MONITORING("防返贫监测");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * A step offered on a case: {@code approve}, {@code reject}, {@code object}, {@code notice} or {@code vote}. Every
     * step needs a reason, as every change in the library does.
     */
    record ActionView(String action, String label) {
    }

    /** One signed step of a case. */
    record StepView(String action, String to, String actorName, java.time.Instant at, String note) {
    }

    /**
     * A case in the queue. The name is the head's, masked like every name; {@code lead} is a monitoring case's lead
     * (source, kind and text as the library lets the caller see it), null for entry and exit cases.
     */
    record CaseView(String kind, String kindLabel, String id, int year, String region, String township,
            String village, String name, String householdId, String stage, String stageLabel,
            LocalDate noticeOpenedOn, LocalDate noticeRunsUntil, List<String> objections, String lead,
            List<StepView> steps, List<ActionView> actions) {
    }

    /** The queue of an area: its open cases, those the user can act on first. */
    record Queue(String area, Integer year, int total, List<CaseView> cases) {
    }

    /**
     * One line of a public notice (公示): only name, village, category and reason, as notices must show (never a
     * citizen ID, phone, bank account or health condition).
     */
    record NoticeLine(String caseId, String name, String township, String village, String category,
            String reason, LocalDate openedOn, LocalDate runsUntil) {
    }

    /** The notices of an area, for printing. */
    record Notices(String area, String areaName, LocalDate today, List<NoticeLine> lines) {
    }

    /**
     * What a step carries: a reason (or note), who raised an objection, a village vote, and the category a village
     * proposes when it verifies a monitoring lead.
     */
    record StepRequest(String reason, String raisedBy, Integer inFavour, Integer against, Integer abstained,
            String category) {
    }

    /** A monitoring lead from a visit or the household's own report: kind, who reported it, and what was found. */
    record LeadRequest(String householdId, String kind, String source, String reason) {
    }

    static final int MAX_ROWS = 200;
    /**
     * Days a monitoring notice runs in the default procedure terms, only to show when it may end: the library checks
     * the days of the policy in force when the township checks the case.
     */
    private static final int MONITORING_NOTICE_DAYS = ProcedureTerms.defaults().monitoringNoticeDays();

    private final Jingzhun jz;
    private final Principal principal;

    CaseWork(Jingzhun jz, Principal principal) {
        this.jz = jz;
        this.principal = principal;
    }

    Queue queue(RegionCode area, Integer year, boolean mineOnly) {
        RegionTree tree = jz.regions().tree(principal, area); // refuses an area outside the scope
        List<CaseView> out = new ArrayList<>();
        for (IdentificationCase c : jz.identification().list(principal, area, year)) {
            if (!c.stage().terminal()) {
                out.add(entry(c, tree));
            }
        }
        List<ExitCase> exits = jz.exits().list(principal, area, year).stream().filter(c -> !c.stage().terminal())
                .toList();
        for (ExitCase c : exits) {
            out.add(exit(c, tree, null));
        }
        // Monitored households stay open for assistance and clearance, which are not the queue's work.
        for (MonitoringCase c : jz.monitoring().cases(principal, area, year)) {
            if (c.stage().beforeDecision()) {
                out.add(monitoring(c, tree));
            }
        }
        if (mineOnly) {
            out.removeIf(c -> c.actions().isEmpty());
        }
        out.sort(Comparator.comparing((CaseView c) -> c.actions().isEmpty()).thenComparing(CaseView::id));
        int total = out.size();
        List<CaseView> shown = out.size() > MAX_ROWS ? out.subList(0, MAX_ROWS) : out;
        // Names of exit cases need their households: read only for the rows shown.
        List<CaseView> named = new ArrayList<>(shown.size());
        for (CaseView c : shown) {
            named.add(c.kind().equals(Kind.ENTRY.name()) ? c : withName(c));
        }
        return new Queue(area.value(), year, total, named);
    }

    private CaseView withName(CaseView c) {
        Household h = jz.registry().get(principal, c.householdId());
        return new CaseView(c.kind(), c.kindLabel(), c.id(), c.year(), c.region(), c.township(), c.village(),
                headName(h), c.householdId(), c.stage(), c.stageLabel(), c.noticeOpenedOn(),
                c.noticeRunsUntil(), c.objections(), c.lead(), c.steps(), c.actions());
    }

    /** Opens a monitoring case from a lead; the library checks the scope, WRITE and the household's status. */
    CaseView lead(LeadRequest req) {
        if (req == null || req.householdId() == null || req.householdId().isBlank()) {
            throw new IllegalArgumentException("a lead needs the household's id");
        }
        LeadKind kind;
        try {
            kind = LeadKind.valueOf(req.kind() == null ? "" : req.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be SELF_REPORT or CADRE_VISIT: " + req.kind());
        }
        int year = LocalDate.now(jz.clock()).getYear();
        MonitoringCase c = jz.monitoring().report(principal, req.householdId().strip(), year, kind,
                req.source() == null ? null : req.source().strip(), req.reason() == null ? null : req.reason().strip());
        return withName(monitoring(c, jz.regions().tree(principal, principal.scope())));
    }

    CaseView step(Kind kind, String caseId, String action, StepRequest req) {
        String reason = req == null || req.reason() == null ? null : req.reason().strip();
        RegionTree tree = jz.regions().tree(principal, principal.scope());
        if (kind == Kind.MONITORING) {
            return monitoringStep(caseId, action, req, reason, tree);
        }
        if (kind == Kind.ENTRY) {
            var wf = jz.identification();
            IdentificationCase c = switch (action) {
                case "vote" -> wf.villageReview(principal, caseId, vote(req), reason);
                case "notice" -> wf.get(principal, caseId).stage() == IdentificationStage.TOWNSHIP_REVIEWED
                        ? wf.openSecondNotice(principal, caseId, reason) : wf.openFirstNotice(principal, caseId, reason);
                case "approve" -> wf.get(principal, caseId).stage() == IdentificationStage.SECOND_NOTICE
                        ? wf.countyApprove(principal, caseId, reason) : wf.townshipReview(principal, caseId, true, reason);
                case "reject" -> wf.get(principal, caseId).stage() == IdentificationStage.SECOND_NOTICE
                        ? wf.countyReject(principal, caseId, reason)
                        : wf.townshipReview(principal, caseId, false, requireReason(reason));
                case "object" -> wf.object(principal, caseId, raisedBy(req), reason);
                default -> throw new IllegalArgumentException("unknown step: " + action);
            };
            return entry(c, tree);
        }
        var wf = jz.exits();
        ExitCase c = switch (action) {
            case "approve" -> wf.get(principal, caseId).stage() == ExitStage.NOTICE
                    ? wf.announce(principal, caseId, reason) : wf.villageReview(principal, caseId, true, reason);
            case "reject" -> wf.get(principal, caseId).stage() == ExitStage.ASSESSED
                    ? wf.villageReview(principal, caseId, false, requireReason(reason))
                    : wf.cancel(principal, caseId, reason);
            // The household's confirmation (拟退出户认可) is signed by the member named, the head by default.
            case "confirm" -> wf.confirm(principal, caseId, req == null || req.raisedBy() == null
                    || req.raisedBy().isBlank() ? "户主" : req.raisedBy().strip(), true, reason);
            case "notice" -> wf.openNotice(principal, caseId, reason);
            case "object" -> wf.object(principal, caseId, raisedBy(req), reason);
            default -> throw new IllegalArgumentException("unknown step: " + action);
        };
        return withName(exit(c, tree, null));
    }

    private CaseView monitoringStep(String caseId, String action, StepRequest req, String reason, RegionTree tree) {
        var m = jz.monitoring();
        MonitoringCase c = switch (action) {
            case "verify" -> m.verify(principal, caseId, category(req), true, reason);
            case "notice" -> m.openNotice(principal, caseId, reason);
            case "object" -> m.object(principal, caseId, raisedBy(req), reason);
            case "approve" -> m.getCase(principal, caseId).stage() == MonitoringStage.TOWNSHIP_CHECKED
                    ? m.countyDecide(principal, caseId, true, reason) : m.townshipCheck(principal, caseId, true, reason);
            case "reject" -> switch (m.getCase(principal, caseId).stage()) {
                case LEAD -> m.verify(principal, caseId, null, false, reason);
                case TOWNSHIP_CHECKED -> m.countyDecide(principal, caseId, false, reason);
                default -> m.townshipCheck(principal, caseId, false, reason);
            };
            default -> throw new IllegalArgumentException("unknown step: " + action);
        };
        return withName(monitoring(c, tree));
    }

    private static MonitoringCategory category(StepRequest req) {
        String v = req == null || req.category() == null ? "" : req.category().strip();
        try {
            return MonitoringCategory.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifying a lead needs its category (UNSTABLE_EXITED, MARGINAL or "
                    + "SUDDEN_HARDSHIP): " + v);
        }
    }

    Notices notices(RegionCode area, Integer year) {
        RegionTree tree = jz.regions().tree(principal, area);
        List<NoticeLine> lines = new ArrayList<>();
        for (IdentificationCase c : jz.identification().list(principal, area, year)) {
            if (c.stage() == IdentificationStage.FIRST_NOTICE || c.stage() == IdentificationStage.SECOND_NOTICE) {
                String category = "拟识别贫困户（" + c.stage().label() + "）";
                lines.add(new NoticeLine(c.id(), headName(notice(c.applicant())), township(tree, c.region()),
                        name(tree, c.region()), category, "主要致贫原因：" + c.applicant().mainCause().label(),
                        c.noticeOpenedOn(), runsUntil(c.noticeOpenedOn())));
            }
        }
        for (ExitCase c : jz.exits().list(principal, area, year)) {
            if (c.stage() == ExitStage.NOTICE) {
                Household h = notice(jz.registry().get(principal.withPurpose("公示"), c.householdId()));
                lines.add(new NoticeLine(c.id(), headName(h), township(tree, c.region()), name(tree, c.region()),
                        "拟脱贫退出", c.assessment() == null ? "" : c.assessment().explanation().result(),
                        c.noticeOpenedOn(), runsUntil(c.noticeOpenedOn())));
            }
        }
        // Monitoring notices come from the library's own notice, masked by the public-notice profile whoever asks; the
        // cases add only the township and the notice dates.
        Map<String, MonitoringCase> onNotice = new java.util.HashMap<>();
        for (MonitoringCase c : jz.monitoring().cases(principal, area, year)) {
            if (c.stage() == MonitoringStage.NOTICE) {
                onNotice.put(c.id(), c);
            }
        }
        for (NoticeEntry e : jz.monitoring().notice(principal, area)) {
            MonitoringCase c = onNotice.get(e.caseId());
            if (c == null) {
                continue; // another year's notice
            }
            lines.add(new NoticeLine(e.caseId(), e.headName(), township(tree, c.region()), e.village(),
                    "拟纳入监测对象（" + e.category().label() + "）", e.reason(), c.noticeOpenedOn(),
                    c.noticeOpenedOn().plusDays(MONITORING_NOTICE_DAYS)));
        }
        lines.sort(Comparator.comparing(NoticeLine::village).thenComparing(NoticeLine::caseId));
        Region root = tree.find(area).orElse(null);
        return new Notices(area.value(), root == null ? area.value() : root.name(), LocalDate.now(jz.clock()),
                lines);
    }

    /** What a notice may show of a household: the library's public-notice profile (name, village; no ID or contact). */
    private Household notice(Household h) {
        return jz.disclosure().household(h, MaskingProfile.PUBLIC_NOTICE);
    }

    // ---- views -------------------------------------------------------------------------------------------------

    private CaseView entry(IdentificationCase c, RegionTree tree) {
        List<ActionView> actions = new ArrayList<>();
        boolean write = can(Permission.WRITE, c.region());
        boolean approve = can(Permission.APPROVE, c.region());
        switch (c.stage()) {
            case APPLIED -> {
                if (approve) {
                    actions.add(new ActionView("vote", "村级民主评议（录入票数）"));
                }
            }
            case VILLAGE_REVIEWED -> {
                if (write) {
                    actions.add(new ActionView("notice", "开始第一次公示"));
                }
            }
            case FIRST_NOTICE -> {
                if (approve && atLeast(RegionLevel.TOWNSHIP)) {
                    actions.add(new ActionView("approve", "乡镇审核通过"));
                    actions.add(new ActionView("reject", "乡镇审核不通过"));
                }
                if (write) {
                    actions.add(new ActionView("object", "登记公示异议"));
                }
            }
            case TOWNSHIP_REVIEWED -> {
                if (write) {
                    actions.add(new ActionView("notice", "开始第二次公示"));
                }
            }
            case SECOND_NOTICE -> {
                if (approve && atLeast(RegionLevel.COUNTY)) {
                    actions.add(new ActionView("approve", "县级审批并建档"));
                    actions.add(new ActionView("reject", "县级不予批准"));
                }
                if (write) {
                    actions.add(new ActionView("object", "登记公示异议"));
                }
            }
            default -> { }
        }
        Member head = c.applicant().head().orElse(null);
        return new CaseView(Kind.ENTRY.name(), Kind.ENTRY.label, c.id(), c.year(), c.region().value(),
                township(tree, c.region()), name(tree, c.region()), head == null ? null : head.name(),
                c.householdId(), c.stage().name(), c.stage().label(), c.noticeOpenedOn(),
                runsUntil(c.noticeOpenedOn()), c.objections().stream().map(o -> o.raisedOn() + " " + o.text())
                        .toList(), null, steps(c.steps()), actions);
    }

    private CaseView exit(ExitCase c, RegionTree tree, String name) {
        List<ActionView> actions = new ArrayList<>();
        boolean write = can(Permission.WRITE, c.region());
        boolean approve = can(Permission.APPROVE, c.region());
        switch (c.stage()) {
            case ASSESSED -> {
                if (approve) {
                    actions.add(new ActionView("approve", "村级评议核实通过"));
                    actions.add(new ActionView("reject", "村级评议未通过"));
                }
            }
            case VILLAGE_REVIEWED -> {
                if (write) {
                    actions.add(new ActionView("confirm", "拟退出户认可"));
                }
                if (approve) {
                    actions.add(new ActionView("reject", "终止退出"));
                }
            }
            case CONFIRMED -> {
                if (write) {
                    actions.add(new ActionView("notice", "开始村内公示"));
                }
                if (approve) {
                    actions.add(new ActionView("reject", "终止退出"));
                }
            }
            case NOTICE -> {
                if (approve && atLeast(RegionLevel.TOWNSHIP)) {
                    actions.add(new ActionView("approve", "公告并销号"));
                }
                if (write) {
                    actions.add(new ActionView("object", "登记公示异议"));
                }
                if (approve) {
                    actions.add(new ActionView("reject", "终止退出"));
                }
            }
            default -> { }
        }
        return new CaseView(Kind.EXIT.name(), Kind.EXIT.label, c.id(), c.year(), c.region().value(),
                township(tree, c.region()), name(tree, c.region()), name, c.householdId(), c.stage().name(),
                c.stage().label(), c.noticeOpenedOn(), runsUntil(c.noticeOpenedOn()),
                c.objections().stream().map(o -> o.raisedOn() + " " + o.text()).toList(), null, steps(c.steps()),
                actions);
    }

    private CaseView monitoring(MonitoringCase c, RegionTree tree) {
        List<ActionView> actions = new ArrayList<>();
        boolean write = can(Permission.WRITE, c.region());
        boolean approve = can(Permission.APPROVE, c.region());
        switch (c.stage()) {
            case LEAD -> {
                if (write) {
                    actions.add(new ActionView("verify", "入户核实，拟纳入"));
                    actions.add(new ActionView("reject", "核实不符合条件"));
                }
            }
            case VERIFIED -> {
                if (write) {
                    actions.add(new ActionView("notice", "开始村内公示"));
                }
            }
            case NOTICE -> {
                if (approve && atLeast(RegionLevel.TOWNSHIP)) {
                    actions.add(new ActionView("approve", "乡镇审核通过"));
                    actions.add(new ActionView("reject", "乡镇审核未通过"));
                }
                if (write) {
                    actions.add(new ActionView("object", "登记公示异议"));
                }
            }
            case TOWNSHIP_CHECKED -> {
                if (approve && atLeast(RegionLevel.COUNTY)) {
                    actions.add(new ActionView("approve", "县级确定为监测对象"));
                    actions.add(new ActionView("reject", "县级不予纳入"));
                }
            }
            default -> { }
        }
        String lead = c.kind().label() + "（" + c.source() + "，" + c.leadOn() + "）：" + c.lead()
                + (c.category() == null ? "" : "；拟纳入类别：" + c.category().label());
        return new CaseView(Kind.MONITORING.name(), Kind.MONITORING.label, c.id(), c.year(), c.region().value(),
                township(tree, c.region()), name(tree, c.region()), null, c.householdId(), c.stage().name(),
                c.stage().label(), c.noticeOpenedOn(), c.noticeOpenedOn() == null ? null
                        : c.noticeOpenedOn().plusDays(MONITORING_NOTICE_DAYS),
                c.objections().stream().map(o -> o.raisedOn() + " " + o.text()).toList(), lead, steps(c.steps()),
                actions);
    }

    private List<StepView> steps(List<WorkflowStep> steps) {
        return steps.stream().map(s -> new StepView(s.action(), s.to(), s.actorName(), s.at(), s.note()))
                .toList();
    }

    private boolean can(Permission p, RegionCode region) {
        return principal.can(p) && principal.covers(region);
    }

    private boolean atLeast(RegionLevel level) {
        return principal.scope().level().ordinal() <= level.ordinal();
    }

    private static LocalDate runsUntil(LocalDate opened) {
        return opened == null ? null : opened.plusDays(IdentificationWorkflow.NOTICE_DAYS);
    }

    private static String headName(Household h) {
        Member head = h.head().orElse(h.members().isEmpty() ? null : h.members().get(0));
        return head == null ? null : head.name();
    }

    private static String name(RegionTree tree, RegionCode code) {
        return tree.find(code).map(Region::name).orElse(code.value());
    }

    private static String township(RegionTree tree, RegionCode code) {
        return code.level().ordinal() < RegionLevel.TOWNSHIP.ordinal() ? null
                : name(tree, code.ancestorAt(RegionLevel.TOWNSHIP));
    }

    private static VillageVote vote(StepRequest req) {
        if (req == null || req.inFavour() == null || req.against() == null || req.abstained() == null) {
            throw new IllegalArgumentException("a village vote needs inFavour, against and abstained");
        }
        return new VillageVote(req.inFavour(), req.against(), req.abstained());
    }

    private static String raisedBy(StepRequest req) {
        return req == null || req.raisedBy() == null || req.raisedBy().isBlank() ? "村民" : req.raisedBy().strip();
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return reason;
    }

    static Map<String, Kind> kinds() {
        return Map.of("entry", Kind.ENTRY, "exit", Kind.EXIT, "monitoring", Kind.MONITORING);
    }
}
