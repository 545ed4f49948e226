package org.jingzhun.spi.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.jingzhun.spi.person.CitizenId;

/**
 * A member's medical cost in the year (医疗费用): total cost and what insurance already reimbursed (基本医保、大病保险等),
 * so that health policies can compute the out-of-pocket remainder they cover.
 */
public record MedicalExpense(
        @NotNull CitizenId patient,
        @NotNull MedicalKind kind,
        @NotNull HospitalLevel level,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal totalCost,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal reimbursed) {

    /** Cost left to the patient after reimbursement, never negative. */
    @JsonIgnore
    public BigDecimal outOfPocket() {
        BigDecimal v = totalCost.subtract(reimbursed);
        return (v.signum() < 0 ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
