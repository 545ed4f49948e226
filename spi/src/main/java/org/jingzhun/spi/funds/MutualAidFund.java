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
 * A village mutual-aid fund (村级互助资金): a revolving fund whose capital comes from fiscal money (disbursed to it
 * from a project) and from member households' contributions (入股), lent to members for production and repaid with a
 * fee (占用费). Loans never exceed the capital available.
 *
 * @param id              assigned by core when blank, {@code <county>-M<sequence>}
 * @param village         the village it serves
 * @param maxLoan         largest single loan, yuan; null for no limit beyond the available capital
 * @param maxTermMonths   longest loan term
 */
public record MutualAidFund(
        @Pattern(regexp = "\\d{6}-M\\d{1,20}") String id,
        @NotNull RegionCode village,
        @NotBlank @Size(max = 100) String name,
        @NotNull LocalDate establishedOn,
        @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal maxLoan,
        @Min(1) @Max(60) int maxTermMonths) {

    public MutualAidFund {
        maxLoan = Money.exact(maxLoan);
    }

    public MutualAidFund withId(String newId) {
        return new MutualAidFund(newId, village, name, establishedOn, maxLoan, maxTermMonths);
    }
}
