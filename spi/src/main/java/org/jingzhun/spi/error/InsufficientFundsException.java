package org.jingzhun.spi.error;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A movement of money was refused because it would overspend (超支): an allocation above a fund source's unallocated
 * balance, a disbursement above a project's allocated-but-undisbursed money, a loan above a mutual-aid fund's
 * available capital, a compensation above a risk fund's balance. Names the record, the balance (field), the amount
 * asked and the amount available. Nothing was written.
 */
public class InsufficientFundsException extends JingzhunException {
    private static final long serialVersionUID = 1L;

    private final String record;
    private final String field;
    private final BigDecimal asked;
    private final BigDecimal available;

    /**
     * @param record    the account, e.g. {@code fund source 341702-S00000001}
     * @param field     the balance that is short, e.g. {@code unallocated}
     * @param asked     yuan asked for
     * @param available yuan available
     */
    public InsufficientFundsException(String record, String field, BigDecimal asked, BigDecimal available) {
        super("funds.overspend", record, field, plain(asked), plain(available));
        this.record = Objects.requireNonNull(record, "record");
        this.field = Objects.requireNonNull(field, "field");
        this.asked = asked;
        this.available = available;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0.00" : v.toPlainString();
    }

    public String record() {
        return record;
    }

    public String field() {
        return field;
    }

    public BigDecimal asked() {
        return asked;
    }

    public BigDecimal available() {
        return available;
    }
}
