package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.person.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SampleDataTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    @Test
    void citizenIdCarriesTheComputedCheckCharacter() {
        // The worked example of GB 11643-1999: 11010519491231002X.
        assertThat(SampleData.citizenId("110105", LocalDate.of(1949, 12, 31), 2).value())
                .isEqualTo("11010519491231002X");
    }

    @Test
    void nextCitizenIdIsUniqueAndCarriesTheRequestedSex() {
        SampleData data = new SampleData();
        List<CitizenId> ids = java.util.stream.IntStream.range(0, 1200)
                .mapToObj(i -> data.nextCitizenId(LocalDate.of(1980, 5, 5), i % 2 == 0 ? Sex.MALE : Sex.FEMALE))
                .toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.get(0).sex()).isEqualTo(Sex.MALE);
        assertThat(ids.get(1).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void householdsAreValidCompleteAndUnique() {
        SampleData data = new SampleData();
        List<Household> households = data.households(SampleData.VILLAGE_B1, 30);

        for (Household h : households) {
            assertThat(validator.validate(h)).as(h.id()).isEmpty();
            assertThat(h.members()).filteredOn(m -> m.relationship() == Relationship.HEAD).hasSize(1);
            assertThat(h.id()).startsWith(h.countyCode() + "-");
            assertThat(h.housing()).isNotNull();
            assertThat(h.land()).isNotNull();
        }
        assertThat(households).extracting(Household::id).doesNotHaveDuplicates();
        assertThat(households.stream().flatMap(h -> h.members().stream()).map(Member::citizenId))
                .doesNotHaveDuplicates();
    }

    @Test
    void sampleRecordsOfTheOtherKindsAreValid() {
        SampleData data = new SampleData();
        assertThat(validator.validate(data.incomeStatement("341702-00000001", 2016))).isEmpty();
        data.regions().forEach(r -> assertThat(validator.validate(r)).isEmpty());
        assertThat(data.document("plan", SampleData.VILLAGE_A1, 2016).countyCode()).isEqualTo("341702");
        assertThat(data.auditEntry("household", "341702-00000001", SampleData.VILLAGE_A1, "register").at().getNano()
                % 1000).isZero();
    }
}
