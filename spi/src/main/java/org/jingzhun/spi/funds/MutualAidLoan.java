package org.jingzhun.spi.funds;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A loan of a village mutual-aid fund to a member household (互助资金借款), for production.
 *
 * @param id assigned by core when blank, {@code <county>-L<sequence>}
 */
public record MutualAidLoan(
        @Pattern(regexp = "\\d{6}-L\\d{1,20}") String id,
        @NotBlank String fundId,
        @NotBlank String householdId,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull LocalDate date,
        @Min(1) @Max(60) int termMonths,
        @NotNull LoanPurpose purpose) {

    public MutualAidLoan {
        amount = Money.exact(amount);
    }

    /** A loan request without id (core assigns it). */
    public static MutualAidLoan of(String fundId, String householdId, BigDecimal amount, LocalDate date,
            int termMonths, LoanPurpose purpose) {
        return new MutualAidLoan(null, fundId, householdId, amount, date, termMonths, purpose);
    }

    public MutualAidLoan withId(String newId) {
        return new MutualAidLoan(newId, fundId, householdId, amount, date, termMonths, purpose);
    }
}
