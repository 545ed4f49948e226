package org.jingzhun.core.training;

/**
 * One person on a course (参训人员): a household member (by household and citizen ID) or a cadre (by cadre id), the
 * hours attended, the certificate obtained, and for labourers whether and where they found work afterwards; for a
 * Yulu course the school level and semesters enrolled, which feed the Yulu subsidy.
 *
 * @param citizenId     the member's citizen ID (masked for principals without VIEW_PERSONAL_DATA); {@code null} for
 *                      cadres
 * @param level         Yulu courses: the vocational level studied; {@code null} otherwise
 * @param semesters     Yulu courses: semesters enrolled in the year (0–2)
 * @param completed     whether the course was completed (hours, certificate and employment are recorded then)
 * @param employer      where the labourer works after the course, {@code null} when not (yet) employed
 */
public record Participant(String householdId, String citizenId, String name, String cadreId,
        org.jingzhun.spi.household.StudentStatus level, int semesters, boolean completed, int hours,
        String certificate, String employer) {

    /** The key a participant is named by on its course: the cadre id, else the citizen ID. */
    public String key() {
        return cadreId != null ? cadreId : citizenId;
    }

    /** Whether the participant found work after the course (培训后就业). */
    public boolean employedAfter() {
        return employer != null && !employer.isBlank();
    }

    Participant completed(int h, String cert, String work) {
        return new Participant(householdId, citizenId, name, cadreId, level, semesters, true, h, cert, work);
    }

    Participant withCitizenId(String id) {
        return new Participant(householdId, id, name, cadreId, level, semesters, completed, hours, certificate,
                employer);
    }
}
