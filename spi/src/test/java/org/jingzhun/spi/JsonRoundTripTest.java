package org.jingzhun.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.LandHolding;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    @Provide
    Arbitrary<Household> households() {
        Arbitrary<Integer> seqs = Arbitraries.integers().between(0, 999);
        Arbitrary<PovertyCause> causes = Arbitraries.of(PovertyCause.class);
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999"))
                .ofScale(2);
        return Combinators.combine(seqs, causes, money, Arbitraries.integers().between(1, 4)).as((seq, cause, m, n) -> {
            Household.Builder b = Household.builder().id("341702-" + seq).region(RegionCode.of("341702100201"))
                    .mainCause(cause).phone("13905661234").mutualAid(true, m)
                    .housing(new Housing(m, HousingStructure.BRICK_WOOD, 1990, HousingSafety.C_LEVEL))
                    .land(new LandHolding(m, BigDecimal.ONE, BigDecimal.TEN)).flags(Set.of(HouseholdFlag.ONE_CHILD));
            for (int i = 0; i < n; i++) {
                b.addMember(Member.of("成员" + i, id("19800101", (seq + i * 2) % 1000),
                        i == 0 ? Relationship.HEAD : Relationship.SON));
            }
            return b.build();
        });
    }

    @Property
    void householdSurvivesJsonRoundTripAndIsValid(@ForAll("households") Household h) throws Exception {
        String json = mapper.writeValueAsString(h);
        assertThat(mapper.readValue(json, Household.class)).isEqualTo(h);
        assertThat(validator.validate(h)).isEmpty();
    }

    @Test
    void stableFieldNamesIsoDatesAndExactMoney() throws Exception {
        IncomeStatement s = new IncomeStatement("341702-1", 2015, Map.of(IncomeItem.WAGES, new BigDecimal("8000.10"),
                IncomeItem.LOW_ALLOWANCE, new BigDecimal("1200")), new BigDecimal("500.05"), 3, 0);
        String json = mapper.writeValueAsString(s);
        assertThat(json).contains("\"householdId\":\"341702-1\"").contains("8000.10").contains("\"WAGES\"");
        IncomeStatement back = mapper.readValue(json, IncomeStatement.class);
        assertThat(back).isEqualTo(s);
        assertThat(back.netIncome()).isEqualByComparingTo("8700.05");
        assertThat(back.perCapitaNetIncome()).isEqualByComparingTo("2900.02");
        assertThat(back.netIncome(Set.of(IncomeItem.WAGES))).isEqualByComparingTo("7500.05");
        assertThat(mapper.writeValueAsString(RegionCode.of("341702"))).isEqualTo("\"341702000000\"");
        assertThat(mapper.writeValueAsString(id("19800101", 1))).doesNotContain("*");
    }

    @Test
    void beanValidationFlagsEveryBrokenField() {
        Household broken = Household.builder().id("bad id").region(RegionCode.of("341702100201"))
                .mainCause(null).otherCauses(List.of(PovertyCause.ILLNESS, PovertyCause.DISASTER, PovertyCause.OTHER))
                .phone("x").build();
        assertThat(validator.validate(broken)).extracting(v -> v.getPropertyPath().toString())
                .contains("id", "mainCause", "otherCauses", "phone", "members");
    }
}
