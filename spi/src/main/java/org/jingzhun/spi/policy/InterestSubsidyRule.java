package org.jingzhun.spi.policy;

import java.time.LocalDate;

/**
 * Computes the interest subsidy (贷款贴息) of one poverty microloan for a period, explained line by line. The same
 * rule serves the funds ledger (the subsidy of a loan issued through the host) and the benefit card (the household's
 * loans of a year), so the subsidy has one implementation: the pack in force. Deterministic and side-effect free.
 */
public interface InterestSubsidyRule {
    /** Stable policy id under which the subsidy appears on a benefit card, e.g. {@code anhui.microloan.interest}. */
    String policy();

    /** The policy's name as printed, e.g. {@code 扶贫小额信贷贴息}. */
    String title();

    /**
     * The subsidy of {@code loan} for the days from {@code from} (inclusive) to {@code to} (exclusive); zero, with
     * the reason as the explanation's result, when the loan is not subsidised in the period. The amount's policy is
     * {@link #policy()} and its explanation names the pack.
     */
    LoanSubsidy subsidy(Microloan loan, LocalDate from, LocalDate to);
}
