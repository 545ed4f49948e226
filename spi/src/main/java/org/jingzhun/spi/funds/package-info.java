/**
 * The money of poverty alleviation (资金): fund sources, projects, allocations and disbursements in an append-only
 * ledger, village mutual-aid funds, poverty microcredit with its interest subsidy and risk compensation fund, and
 * social donations claiming projects. Amounts are yuan as {@link java.math.BigDecimal} with scale 2.
 */
package org.jingzhun.spi.funds;
