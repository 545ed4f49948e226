package org.jingzhun.spi.funds;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * A county's fund integration plan for a year (统筹整合涉农资金实施方案): which sector funds, registered as fund
 * sources of kind {@link FundSourceKind#INTEGRATED_SECTOR}, are pooled into which poverty projects and with how much.
 * The plan is what the county decided; the money moves only when the plan is carried out as ledger allocations, so
 * the ledger's own rules (never more than a source holds or a project's unfunded budget) still apply.
 *
 * @param county the county (6-digit-significant code) whose plan it is
 * @param year   the budget year of the pooled money
 * @param title  e.g. the document number and title of the plan
 * @param lines  one line per source and project
 */
public record IntegrationPlan(
        @NotNull RegionCode county,
        @Min(2000) @Max(2100) int year,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 1000) List<@Valid @NotNull Line> lines) {

    public IntegrationPlan {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * Money of one sector source planned for one project.
     *
     * @param amount yuan, scale 2
     */
    public record Line(
            @NotBlank String sourceId,
            @NotBlank String projectId,
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {

        public Line {
            amount = Money.exact(amount);
        }
    }

    /** The document id: {@code <county code>/<year>}. */
    public static String idOf(RegionCode county, int year) {
        return county.value() + "/" + year;
    }

    @JsonIgnore
    public String id() {
        return idOf(county, year);
    }
}
