package org.jingzhun.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.Relationship;

class HouseholdArbitrariesTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterContainer
    static void closeFactory() {
        FACTORY.close();
    }

    @Property(tries = 300)
    void generatedHouseholdsAreValid(@ForAll("households") Household h) {
        assertThat(VALIDATOR.validate(h)).isEmpty();
        assertThat(h.version()).isZero();
        assertThat(h.id()).startsWith(h.countyCode() + "-");
        assertThat(h.members().get(0).relationship()).isEqualTo(Relationship.HEAD);
        assertThat(h.members()).filteredOn(m -> m.relationship() == Relationship.HEAD).hasSize(1);
        assertThat(h.members().stream().map(Member::citizenId)).doesNotHaveDuplicates();
        assertThat(h.causes()).doesNotHaveDuplicates();
        Stream.of(h.mutualAidContribution(), h.housing() == null ? null : h.housing().area(),
                        h.land() == null ? null : h.land().forest())
                .filter(v -> v != null).map(BigDecimal::scale).forEach(scale -> assertThat(scale).isEqualTo(2));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Household> households() {
        return HouseholdArbitraries.households();
    }
}
