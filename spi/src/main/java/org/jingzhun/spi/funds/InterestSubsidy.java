package org.jingzhun.spi.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jingzhun.spi.policy.BenefitAmount;
import org.jingzhun.spi.policy.Explanation;

/**
 * The interest subsidy (贷款贴息) of a microcredit loan for a period, with its explanation: the inputs (principal,
 * outstanding balances, dates, default), the rates (contracted, benchmark, subsidised share), the days of each part and
 * the result. The explanation's parts add up exactly to {@link #subsidy()}.
 *
 * @param from     first day of the period asked for
 * @param to       day after the last day of the period asked for
 * @param days     days of the period the loan was subsidised (after start, before maturity and before a default)
 * @param interest the interest the contracted rate gives over those days, yuan
 * @param subsidy  the part of it the county pays, yuan
 */
public record InterestSubsidy(String loanId, String householdId, LocalDate from, LocalDate to, long days,
        BigDecimal interest, BigDecimal subsidy, Explanation explanation) {
    /** Policy id under which the subsidy appears on a benefit statement. */
    public static final String POLICY = "funds.microcredit.interest-subsidy";
    /** Title on a benefit statement. */
    public static final String TITLE = "扶贫小额信贷贴息";

    public InterestSubsidy {
        Objects.requireNonNull(loanId, "loanId");
        Objects.requireNonNull(explanation, "explanation");
        interest = Money.exact(interest);
        subsidy = Money.exact(subsidy);
        if (explanation.partsTotal().compareTo(subsidy) != 0) {
            throw new IllegalArgumentException("Subsidy " + subsidy + " of loan " + loanId
                    + " does not equal its parts " + explanation.partsTotal());
        }
    }

    /** The subsidy as a line of a benefit statement (明白卡). */
    public BenefitAmount toBenefitAmount() {
        return new BenefitAmount(POLICY, TITLE, subsidy, explanation);
    }
}
