package org.jingzhun.core.training;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jingzhun.core.Versioned;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.core.internal.CoreContext;
import org.jingzhun.core.internal.DocumentStore;
import org.jingzhun.core.internal.HouseholdFactsStore;
import org.jingzhun.core.internal.IdSequence;
import org.jingzhun.core.internal.ReadAudit;
import org.jingzhun.core.pairing.PairingService;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.NotFoundException;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.policy.VocationalStudent;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.storage.StorageTransaction;

/**
 * Training records (培训记录): labourers' skills courses with hours, certificates and employment afterwards (技能培训),
 * Yulu plan students (雨露计划) whose enrolment feeds the Yulu subsidy ({@link #yuluStudents}), and cadre training
 * (干部培训), with statistics by area and year. Courses are documents; every change is audited, and enrolments and
 * completions of household members are written to the household's history. Members' citizen IDs are masked for
 * principals without VIEW_PERSONAL_DATA, and unmasked reads are recorded.
 */
public final class TrainingService {
    /** Document and audit kind of courses. */
    public static final String KIND = "training-course";
    private static final Set<StudentStatus> VOCATIONAL = Set.of(StudentStatus.SECONDARY_VOCATIONAL,
            StudentStatus.HIGHER_VOCATIONAL);

    private final CoreContext ctx;
    private final PairingService pairing;
    private final DocumentStore<Course> store;
    private final IdSequence ids = new IdSequence();
    private final ReadAudit reads;

    /**
     * @param facts the household facts the policy rules read; the Yulu students enrolled here are added to them, so a
     *              benefit statement's Yulu subsidy follows the training records
     */
    public TrainingService(CoreContext ctx, PairingService pairing, HouseholdFactsStore facts) {
        this.ctx = ctx;
        this.pairing = pairing;
        this.store = new DocumentStore<>(KIND, Course.class, ctx.json(), Course::id, Course::region, Course::year);
        this.reads = new ReadAudit(ctx);
        facts.studentSource(this::studentsOf);
    }

    /** Sets up a course (开班) in an area the principal may write to; the id is assigned, participants come later. */
    public Course createCourse(Principal principal, Course course, String reason) {
        Objects.requireNonNull(course, "course");
        List<Violation> problems = ctx.validation().validate("course " + course.title(), course);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        ctx.guard().require(principal, Permission.WRITE, course.region(), "create courses");
        return ctx.write(principal, w -> {
            Course c = course.withId(ids.next(w.tx(), KIND, course.region())).withParticipants(List.of());
            store.save(w.tx(), c, 0);
            w.audit(KIND, c.id(), c.region(), "create", reason, null, c);
            return c;
        });
    }

    /**
     * Enrols a household member (参训): on a skills course, or on a Yulu course with the vocational level and the
     * semesters enrolled this year.
     *
     * @param level     Yulu courses: SECONDARY_VOCATIONAL or HIGHER_VOCATIONAL; ignored otherwise
     * @param semesters Yulu courses: 0–2; ignored otherwise
     */
    public Course enrol(Principal principal, String courseId, String householdId, CitizenId member,
            StudentStatus level, int semesters, String note) {
        Objects.requireNonNull(member, "member");
        return masked(principal, change(principal, courseId, "enrol", note, (w, c) -> {
            if (c.kind() == TrainingKind.CADRE) {
                throw new WorkflowException("workflow.training_kind", courseId, c.kind().label());
            }
            Household h = w.tx().households().find(householdId)
                    .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
            ctx.guard().require(principal, Permission.WRITE, h.region(), "enrol household members");
            Member m = h.members().stream().filter(x -> member.equals(x.citizenId())).findFirst()
                    .orElseThrow(() -> new WorkflowException("workflow.training_not_member", householdId,
                            member.masked()));
            boolean yulu = c.kind() == TrainingKind.YULU;
            if (yulu && (!VOCATIONAL.contains(level) || semesters < 0 || semesters > 2)) {
                throw new WorkflowException("workflow.training_yulu", courseId, String.valueOf(level), semesters);
            }
            requireNew(c, member.value());
            w.audit("household", h.id(), h.region(), "training-enrol", c.kind().label() + " " + c.title() + " ("
                    + c.id() + "): " + m.name(), null, null);
            return add(c, new Participant(h.id(), member.value(), m.name(), null, yulu ? level : null,
                    yulu ? semesters : 0, false, 0, null, null));
        }));
    }

    /** Enrols a cadre on a cadre training course (干部培训). */
    public Course enrolCadre(Principal principal, String courseId, String cadreId, String note) {
        Objects.requireNonNull(cadreId, "cadreId");
        return masked(principal, change(principal, courseId, "enrol-cadre", note, (w, c) -> {
            if (c.kind() != TrainingKind.CADRE) {
                throw new WorkflowException("workflow.training_kind", courseId, c.kind().label());
            }
            Cadre cadre = pairing.cadres(principal, RegionCode.of(c.region().countyCode())).stream()
                    .filter(x -> x.id().equals(cadreId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("case.not_found", "cadre", cadreId));
            requireNew(c, cadreId);
            return add(c, new Participant(null, null, cadre.name(), cadreId, null, 0, false, 0, null, null));
        }));
    }

    /**
     * Records a participant's completion (结业): hours attended, the certificate obtained ({@code null} when none)
     * and, for labourers, the employer after the course ({@code null} when not employed).
     *
     * @param participant the cadre id or the member's citizen ID
     */
    public Course complete(Principal principal, String courseId, String participant, int hours, String certificate,
            String employer, String note) {
        if (hours < 0 || hours > 5000) {
            throw new WorkflowException("workflow.training_hours", hours);
        }
        return masked(principal, change(principal, courseId, "complete", note, (w, c) -> {
            List<Participant> ps = new ArrayList<>();
            Participant done = null;
            for (Participant p : c.participants()) {
                if (p.key().equals(participant) && !p.completed()) {
                    done = p.completed(hours, certificate, employer);
                    ps.add(done);
                } else {
                    ps.add(p);
                }
            }
            if (done == null) {
                throw new WorkflowException("workflow.training_not_enrolled", courseId);
            }
            if (done.householdId() != null) {
                w.audit("household", done.householdId(), c.region(), "training-complete", c.title() + " (" + c.id()
                        + "): " + done.name() + ", " + hours + "h" + (certificate == null ? "" : ", " + certificate)
                        + (done.employedAfter() ? ", 就业 " + employer : ""), null, null);
            }
            return c.withParticipants(ps);
        }));
    }

    /** Courses inside {@code area} (narrowed to the scope) of a year, or all years when null; IDs masked. */
    public List<Course> courses(Principal principal, RegionCode area, Integer year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        List<Course> found = ctx.read(tx -> store.all(tx, effective, year).stream().map(Versioned::value).toList());
        reads.record(principal, MaskingProfile.defaultFor(principal), effective.value(), effective,
                "training.courses", Map.of("courses", found.size()));
        return found.stream().map(c -> masked(principal, c)).toList();
    }

    /**
     * A household's Yulu plan students of a year (雨露计划在读学生), as the Yulu subsidy reads them: each member on a
     * Yulu course of that year with the level and semesters enrolled. IDs masked as the principal's profile says.
     */
    public List<VocationalStudent> yuluStudents(Principal principal, String householdId, int year) {
        Household h = ctx.read(tx -> tx.households().find(householdId))
                .orElseThrow(() -> new NotFoundException("household.not_found", householdId));
        ctx.guard().require(principal, Permission.READ, h.region(), "read Yulu students");
        MaskingProfile profile = MaskingProfile.defaultFor(principal);
        reads.record(principal, profile, h.id(), h.region(), "training.yuluStudents", Map.of("year", year));
        List<VocationalStudent> out = new ArrayList<>();
        for (VocationalStudent s : ctx.read(tx -> studentsOf(tx, h, year))) {
            out.add(profile == MaskingProfile.FULL ? s : new VocationalStudent(s.student().redacted(), s.level(),
                    s.semesters()));
        }
        return out;
    }

    /** The household's members on a Yulu course of the year, unmasked: what the Yulu subsidy rule reads. */
    private List<VocationalStudent> studentsOf(StorageTransaction tx, Household h, int year) {
        List<VocationalStudent> out = new ArrayList<>();
        // Courses are run by townships or the county, above the household's village: read the county's.
        for (Versioned<Course> v : store.all(tx, RegionCode.of(h.countyCode()), year)) {
            Course c = v.value();
            if (c.kind() != TrainingKind.YULU) {
                continue;
            }
            for (Participant p : c.participants()) {
                if (h.id().equals(p.householdId())) {
                    out.add(new VocationalStudent(CitizenId.parse(p.citizenId()), p.level(), p.semesters()));
                }
            }
        }
        return out;
    }

    /** Training figures of an area (narrowed to the scope) and year. */
    public TrainingStatistics statistics(Principal principal, RegionCode area, int year) {
        RegionCode effective = ctx.guard().clampSearch(principal, area);
        Map<TrainingKind, Long> courses = new EnumMap<>(TrainingKind.class);
        Map<TrainingKind, Long> participants = new EnumMap<>(TrainingKind.class);
        long completed = 0;
        long hours = 0;
        long certificates = 0;
        long employed = 0;
        for (Course c : ctx.read(tx -> store.all(tx, effective, year)).stream().map(Versioned::value).toList()) {
            courses.merge(c.kind(), 1L, Long::sum);
            participants.merge(c.kind(), (long) c.participants().size(), Long::sum);
            for (Participant p : c.participants()) {
                if (p.completed()) {
                    completed++;
                    hours += p.hours();
                    certificates += p.certificate() == null || p.certificate().isBlank() ? 0 : 1;
                    employed += p.employedAfter() ? 1 : 0;
                }
            }
        }
        return new TrainingStatistics(effective, year, courses, participants, completed, hours, certificates,
                employed);
    }

    /** Household members who took part in courses of {@code year} inside {@code area}, each counted once. */
    public static long peopleTrained(List<Course> courses) {
        Set<String> people = new HashSet<>();
        for (Course c : courses) {
            for (Participant p : c.participants()) {
                if (p.householdId() != null) {
                    people.add(p.citizenId());
                }
            }
        }
        return people.size();
    }

    @FunctionalInterface
    private interface CourseChange {
        Course apply(CoreContext.Work w, Course current);
    }

    private Course change(Principal principal, String courseId, String action, String note, CourseChange change) {
        Objects.requireNonNull(courseId, "courseId");
        return ctx.write(principal, w -> {
            Versioned<Course> current = store.find(w.tx(), courseId.substring(0, Math.min(6, courseId.length())),
                    courseId).orElseThrow(() -> new NotFoundException("case.not_found", "course", courseId));
            ctx.guard().require(principal, Permission.WRITE, current.value().region(), "change courses");
            Course next = change.apply(w, current.value());
            store.save(w.tx(), next, current.version());
            w.audit(KIND, courseId, next.region(), action, note, null, null);
            return next;
        });
    }

    private static void requireNew(Course c, String key) {
        if (c.participants().stream().anyMatch(p -> p.key().equals(key))) {
            throw new WorkflowException("workflow.training_enrolled", c.id());
        }
    }

    private static Course add(Course c, Participant p) {
        List<Participant> ps = new ArrayList<>(c.participants());
        ps.add(p);
        return c.withParticipants(ps);
    }

    private Course masked(Principal principal, Course c) {
        if (MaskingProfile.defaultFor(principal) == MaskingProfile.FULL) {
            return c;
        }
        return c.withParticipants(c.participants().stream().map(p -> p.citizenId() == null ? p
                : p.withCitizenId(CitizenId.parse(p.citizenId()).redacted().value())).toList());
    }
}
