package org.jingzhun.core.funds;

import java.math.BigDecimal;
import org.jingzhun.spi.funds.FundSource;

/**
 * A fund source with its balances: allocated to projects (net of reversals), still unallocated, and disbursed out of
 * its allocations. Always {@code amount = allocated + unallocated} and {@code 0 ≤ disbursed ≤ allocated ≤ amount}.
 */
public record SourceBalance(FundSource source, BigDecimal allocated, BigDecimal unallocated, BigDecimal disbursed) {
}
