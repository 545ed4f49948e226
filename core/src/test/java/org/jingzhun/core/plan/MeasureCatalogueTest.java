package org.jingzhun.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.plan.MeasureSuggestions;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.plan.NeedGap;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

class MeasureCatalogueTest {
    static final RegionCode LIUJIE = RegionCode.of("341702100201");
    static final RegionCode ELSEWHERE = RegionCode.of("341802100201");

    static MeasureSuggestions mapping(String name, String scope, Map<PovertyCause, List<MeasureType>> m) {
        return new MeasureSuggestions() {
            public String name() {
                return name;
            }

            public RegionCode scope() {
                return RegionCode.of(scope);
            }

            public Map<PovertyCause, List<MeasureType>> byCause() {
                return m;
            }
        };
    }

    @Test
    void everyCauseHasADefaultSuggestionAndEveryTypeAFundingSourceAndDescription() {
        MeasureCatalogue c = new MeasureCatalogue(List.of());
        for (PovertyCause cause : PovertyCause.values()) {
            assertThat(c.suggest(LIUJIE, cause)).as(cause.name()).isNotEmpty();
        }
        for (MeasureType t : c.types()) {
            assertThat(c.defaultFunding(t)).isNotNull();
            assertThat(c.draftDescription(t)).isNotBlank();
        }
        assertThat(c.suggest(LIUJIE,
                PovertyCause.LACK_OF_CAPITAL)).startsWith(MeasureType.MICROCREDIT);
        assertThat(c.suggest(NeedGap.HOUSING)).containsExactly(MeasureType.HOUSING_RENOVATION);
    }

    @Test
    void theMostSpecificContributedMappingWinsAndUnlistedCausesFallBackToTheDefault() {
        MeasureCatalogue c = new MeasureCatalogue(List.of(
                mapping("anhui", "340000000000", Map.of(PovertyCause.ILLNESS, List.of(MeasureType.INDUSTRY))),
                mapping("guichi", "341702000000", Map.of(PovertyCause.ILLNESS,
                        List.of(MeasureType.HEALTH, MeasureType.ECOLOGICAL_JOBS)))));
        assertThat(c.mappingFor(LIUJIE).orElseThrow().name()).isEqualTo("guichi");
        assertThat(c.suggest(LIUJIE, PovertyCause.ILLNESS))
                .containsExactly(MeasureType.HEALTH, MeasureType.ECOLOGICAL_JOBS);
        assertThat(c.suggest(ELSEWHERE, PovertyCause.ILLNESS)).containsExactly(MeasureType.INDUSTRY);
        assertThat(c.suggest(RegionCode.of("350102000000"), PovertyCause.ILLNESS))
                .isEqualTo(MeasureCatalogue.defaultFor(PovertyCause.ILLNESS));
        assertThat(c.suggest(LIUJIE, PovertyCause.SCHOOLING)).containsExactly(MeasureType.EDUCATION);
    }

    @Test
    void suggestionsForSeveralCausesAndGapsKeepOrderWithoutRepeats() {
        MeasureCatalogue c = new MeasureCatalogue(List.of());
        assertThat(c.suggest(LIUJIE, List.of(PovertyCause.ILLNESS, PovertyCause.LACK_OF_LABOUR),
                List.of(NeedGap.INCOME, NeedGap.MEDICAL_INSURANCE, NeedGap.HOUSING)))
                .containsExactly(MeasureType.HEALTH, MeasureType.SOCIAL_SECURITY, MeasureType.ASSET_INCOME,
                        MeasureType.HOUSING_RENOVATION);
    }
}
