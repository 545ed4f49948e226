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
import org.jingzhun.spi.region.RegionCode;

/**
 * A fund source (资金来源, e.g. one issuance of special poverty funds 专项扶贫资金 or one donation): how much money of
 * which kind arrived for which year and area. The ledger never lets allocations out of a source exceed its amount.
 *
 * @param id         assigned by core when blank, {@code <county>-S<sequence>}
 * @param name       e.g. the document number and title of the issuance (文号), or the donor's name
 * @param year       the budget year the money is for
 * @param amount     yuan, scale 2
 * @param scope      the area the money may be spent in: a county, township or village (projects must lie inside it)
 * @param grantor    who granted it: a department, helping unit or donor
 * @param receivedOn the day the money arrived (到账日期)
 * @param projectId  for money tied to one project (a donation claiming it, 项目认领): that project; otherwise null
 */
public record FundSource(
        @Pattern(regexp = "\\d{6}-S\\d{1,20}") String id,
        @NotNull FundSourceKind kind,
        @NotBlank @Size(max = 200) String name,
        @Min(2000) @Max(2100) int year,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull RegionCode scope,
        @Size(max = 100) String grantor,
        @NotNull LocalDate receivedOn,
        @Pattern(regexp = "\\d{6}-P\\d{1,20}") String projectId) {

    public FundSource {
        amount = Money.exact(amount);
    }

    /** A source not tied to a project, without id (core assigns it). */
    public static FundSource of(FundSourceKind kind, String name, int year, BigDecimal amount, RegionCode scope,
            String grantor, LocalDate receivedOn) {
        return new FundSource(null, kind, name, year, amount, scope, grantor, receivedOn, null);
    }

    public FundSource withId(String newId) {
        return new FundSource(newId, kind, name, year, amount, scope, grantor, receivedOn, projectId);
    }
}
