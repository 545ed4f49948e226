package org.jingzhun.spi.funds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jingzhun.spi.region.RegionCode;

/**
 * A county's microcredit risk compensation fund (风险补偿金) under its agreement with a lending bank: deposited from
 * fiscal money (disbursed to it from a project), it pays the agreed share of the principal of a defaulted loan. Its
 * balance never goes negative. The loans issued under it follow its {@link #terms()}.
 *
 * @param id            assigned by core when blank, {@code <county>-R<sequence>}
 * @param county        the county whose households borrow under it
 * @param lender        the cooperating bank
 * @param coverageShare the share of a defaulted loan's outstanding principal it pays (e.g. 0.80; the rest is the
 *                      bank's loss)
 */
public record RiskCompensationFund(
        @Pattern(regexp = "\\d{6}-R\\d{1,20}") String id,
        @NotNull RegionCode county,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String lender,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal coverageShare,
        @NotNull @Valid MicrocreditTerms terms) {

    public RiskCompensationFund withId(String newId) {
        return new RiskCompensationFund(newId, county, name, lender, coverageShare, terms);
    }
}
