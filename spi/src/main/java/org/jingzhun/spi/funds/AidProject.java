package org.jingzhun.spi.funds;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.region.RegionCode;

/**
 * A poverty-alleviation project (扶贫项目) in a village or township: what it is, its budget, who is responsible, the
 * deadline, its status and the households it benefits (受益户). Money reaches it by allocation from fund sources and
 * leaves it by disbursement; the ledger never lets allocations exceed the budget or disbursements exceed allocations.
 *
 * @param id            assigned by core when blank, {@code <county>-P<sequence>}
 * @param region        the village or township where it is carried out
 * @param year          the budget year
 * @param budget        yuan, scale 2
 * @param owner         the unit or department responsible (责任单位)
 * @param beneficiaries ids of the registered households it benefits
 */
public record AidProject(
        @Pattern(regexp = "\\d{6}-P\\d{1,20}") String id,
        @NotNull RegionCode region,
        @NotBlank @Size(max = 200) String name,
        @NotNull ProjectCategory category,
        @Min(2000) @Max(2100) int year,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @NotBlank @Size(max = 100) String owner,
        @NotNull LocalDate deadline,
        @NotNull ProjectStatus status,
        @NotNull @Size(max = 5000) List<@NotNull @Pattern(regexp = "\\d{6}-[0-9A-Z]{1,20}") String> beneficiaries) {

    public AidProject {
        budget = Money.exact(budget);
        beneficiaries = beneficiaries == null ? List.of() : List.copyOf(beneficiaries);
    }

    /** A planned project without id (core assigns it). */
    public static AidProject planned(RegionCode region, String name, ProjectCategory category, int year,
            BigDecimal budget, String owner, LocalDate deadline, List<String> beneficiaries) {
        return new AidProject(null, region, name, category, year, budget, owner, deadline, ProjectStatus.PLANNED,
                beneficiaries);
    }

    public AidProject withId(String newId) {
        return new AidProject(newId, region, name, category, year, budget, owner, deadline, status, beneficiaries);
    }

    public AidProject withStatus(ProjectStatus next) {
        return new AidProject(id, region, name, category, year, budget, owner, deadline, next, beneficiaries);
    }

    public AidProject withBudget(BigDecimal next) {
        return new AidProject(id, region, name, category, year, next, owner, deadline, status, beneficiaries);
    }
}
