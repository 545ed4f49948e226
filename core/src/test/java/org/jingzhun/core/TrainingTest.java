package org.jingzhun.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingzhun.core.Fixtures.COUNTY;
import static org.jingzhun.core.Fixtures.COUNTY_OFFICER;
import static org.jingzhun.core.Fixtures.TOWN_A;
import static org.jingzhun.core.Fixtures.VILLAGE_A1;
import static org.jingzhun.core.Fixtures.household;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.jingzhun.core.registry.HistoryEntry;
import org.jingzhun.core.training.Course;
import org.jingzhun.core.training.Participant;
import org.jingzhun.core.training.TrainingKind;
import org.jingzhun.core.training.TrainingStatistics;
import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.ValidationException;
import org.jingzhun.spi.error.WorkflowException;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.pairing.Cadre;
import org.jingzhun.spi.pairing.CadreRole;
import org.jingzhun.spi.policy.VocationalStudent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Skills courses, Yulu students and cadre training with their statistics and the yearly figure of people trained. */
class TrainingTest {
    private final MutableClock clock = new MutableClock("2016-03-01");
    private final Principal county = COUNTY_OFFICER;
    private final Principal maskedClerk = new Principal("masked-clerk", "县办事员", COUNTY,
            EnumSet.of(Permission.READ, Permission.WRITE));
    private final Jingzhun jz = PolicyFixtures.newJingzhun(clock);

    @AfterEach
    void close() {
        jz.close();
    }

    private Course course(TrainingKind kind, String title) {
        return jz.training().createCourse(county, new Course(null, TOWN_A, 2016, kind, title, "区人社局", 60,
                LocalDate.of(2016, 3, 1), null), "年度培训计划");
    }

    @Test
    void aLabourersSkillsCourseRecordsHoursCertificateAndTheJobAfter() {
        Household h = jz.registry().register(county, household(VILLAGE_A1, 10, 3), "建档立卡");
        Household other = jz.registry().register(county, household(VILLAGE_A1, 20, 2), "建档立卡");
        Course c = course(TrainingKind.SKILLS, "电工技能培训");
        assertThat(c.id()).startsWith("341702-");
        String son = h.members().get(1).citizenId().value();
        jz.training().enrol(county, c.id(), h.id(), h.members().get(1).citizenId(), null, 0, "报名");
        jz.training().enrol(county, c.id(), other.id(), other.members().get(0).citizenId(), null, 0, "报名");
        assertThatThrownBy(() -> jz.training().enrol(county, c.id(), h.id(), h.members().get(1).citizenId(), null, 0,
                "again")).isInstanceOf(WorkflowException.class).hasMessageContaining(c.id());
        assertThatThrownBy(() -> jz.training().enrol(county, c.id(), h.id(), other.members().get(1).citizenId(),
                null, 0, "wrong household")).isInstanceOf(WorkflowException.class).hasMessageContaining(h.id());
        assertThatThrownBy(() -> jz.training().enrolCadre(county, c.id(), "C-1", "not a cadre course"))
                .isInstanceOf(WorkflowException.class);

        Course done = jz.training().complete(county, c.id(), son, 56, "电工证(初级)", "池州某电子厂", "结业");
        assertThat(done.participants()).filteredOn(Participant::completed).singleElement().satisfies(p -> {
            assertThat(p.hours()).isEqualTo(56);
            assertThat(p.employedAfter()).isTrue();
        });
        assertThatThrownBy(() -> jz.training().complete(county, c.id(), son, 56, null, null, "again"))
                .isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> jz.training().complete(county, c.id(), son, -1, null, null, "bad"))
                .isInstanceOf(WorkflowException.class);
        jz.training().complete(county, c.id(), other.members().get(0).citizenId().value(), 40, null, null, "结业");

        assertThat(jz.training().courses(maskedClerk, COUNTY, 2016)).singleElement().satisfies(m ->
                assertThat(m.participants()).extracting(Participant::citizenId).doesNotContain(son));
        assertThat(jz.registry().history(county, h.id())).extracting(HistoryEntry::action)
                .containsSubsequence("training-enrol", "training-complete");
        TrainingStatistics stats = jz.training().statistics(county, COUNTY, 2016);
        assertThat(stats.participants()).containsEntry(TrainingKind.SKILLS, 2L);
        assertThat(stats.completed()).isEqualTo(2);
        assertThat(stats.hours()).isEqualTo(96);
        assertThat(stats.certificates()).isEqualTo(1);
        assertThat(stats.employedAfter()).isEqualTo(1);
        assertThat(jz.statistics().closeYear(county, COUNTY, 2016).peopleTrained()).isEqualTo(2);
    }

    @Test
    void yuluStudentsFeedTheSubsidyAndCadresHaveTheirOwnCourses() {
        Household h = jz.registry().register(county, household(VILLAGE_A1, 10, 3), "建档立卡");
        Course yulu = course(TrainingKind.YULU, "2016年雨露计划中职学生");
        assertThatThrownBy(() -> jz.training().enrol(county, yulu.id(), h.id(), h.members().get(2).citizenId(),
                StudentStatus.PRIMARY, 2, "不是职业教育")).isInstanceOf(WorkflowException.class);
        jz.training().enrol(county, yulu.id(), h.id(), h.members().get(2).citizenId(),
                StudentStatus.SECONDARY_VOCATIONAL, 2, "中职一年级");
        List<VocationalStudent> students = jz.training().yuluStudents(county, h.id(), 2016);
        assertThat(students).singleElement().satisfies(s -> {
            assertThat(s.student()).isEqualTo(h.members().get(2).citizenId());
            assertThat(s.level()).isEqualTo(StudentStatus.SECONDARY_VOCATIONAL);
            assertThat(s.semesters()).isEqualTo(2);
        });
        assertThat(jz.training().yuluStudents(maskedClerk, h.id(), 2016)).singleElement()
                .satisfies(s -> assertThat(s.student()).isNotEqualTo(h.members().get(2).citizenId()));
        assertThat(jz.training().yuluStudents(county, h.id(), 2017)).isEmpty();

        jz.pairing().saveCadres(county, List.of(new Cadre("C-1", "干部一", CadreRole.UNIT_STAFF, null, COUNTY, 5)),
                "干部名单");
        Course cadres = course(TrainingKind.CADRE, "精准扶贫业务培训");
        assertThatThrownBy(() -> jz.training().enrol(county, cadres.id(), h.id(), h.members().get(0).citizenId(),
                null, 0, "not a member course")).isInstanceOf(WorkflowException.class);
        jz.training().enrolCadre(county, cadres.id(), "C-1", "参训");
        jz.training().complete(county, cadres.id(), "C-1", 16, "结业证书", null, "结业");
        TrainingStatistics stats = jz.training().statistics(county, COUNTY, 2016);
        assertThat(stats.courses()).containsEntry(TrainingKind.CADRE, 1L).containsEntry(TrainingKind.YULU, 1L);
        assertThat(stats.participants()).containsEntry(TrainingKind.CADRE, 1L);
        assertThat(jz.statistics().closeYear(county, COUNTY, 2016).peopleTrained()).isEqualTo(1);

        assertThatThrownBy(() -> jz.training().createCourse(county, new Course(null, TOWN_A, 2016,
                TrainingKind.SKILLS, " ", null, 10, LocalDate.of(2016, 3, 1), null), "空标题"))
                .isInstanceOf(ValidationException.class);
    }
}
