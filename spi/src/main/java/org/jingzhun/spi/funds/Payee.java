package org.jingzhun.spi.funds;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who receives a disbursement (收款方). For a household, a mutual-aid fund or a risk compensation fund {@code id} is
 * its id in Jingzhun and must exist; for a supplier it is e.g. the unified social credit code, for a lender the bank.
 *
 * @param name readable name for suppliers, lenders and others; may be null for households and funds
 */
public record Payee(
        @NotNull PayeeKind kind,
        @Size(max = 100) String id,
        @Size(max = 100) String name) {

    /** A registered household (the money counts on its benefit statement). */
    public static Payee household(String householdId) {
        return new Payee(PayeeKind.HOUSEHOLD, householdId, null);
    }

    /** A supplier or contractor. */
    public static Payee supplier(String code, String name) {
        return new Payee(PayeeKind.SUPPLIER, code, name);
    }

    /** A village mutual-aid fund: the money becomes its fiscal capital. */
    public static Payee mutualAidFund(String fundId) {
        return new Payee(PayeeKind.MUTUAL_AID_FUND, fundId, null);
    }

    /** A county risk compensation fund: the money becomes its deposit. */
    public static Payee riskFund(String fundId) {
        return new Payee(PayeeKind.RISK_FUND, fundId, null);
    }

    /** A lending bank, e.g. for interest subsidy paid to it. */
    public static Payee lender(String name) {
        return new Payee(PayeeKind.LENDER, null, name);
    }
}
