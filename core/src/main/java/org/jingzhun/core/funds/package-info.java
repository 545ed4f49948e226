/**
 * The money capability (资金), reached through {@code jz.funds()}: see {@link org.jingzhun.core.funds.FundsService}.
 *
 * <pre>{@code
 * FundsService funds = jz.funds();
 * FundSource s = funds.addSource(clerk, FundSource.of(FundSourceKind.UNIT_PAIRING, "单位帮扶资金", 2016,
 *         Money.yuan("840000"), county, "区直单位", LocalDate.of(2016, 3, 1)), "2016 unit funds");
 * AidProject p = funds.addProject(clerk, AidProject.planned(village, "道路硬化", ProjectCategory.INFRASTRUCTURE,
 *         2016, Money.yuan("300000"), "区交通局", LocalDate.of(2016, 12, 31), List.of()), "village plan");
 * LedgerEntry a = funds.allocate(clerk, new Allocation(s.id(), p.id(), Money.yuan("300000"), day), "tranche 1");
 * funds.disburse(clerk, Disbursement.of(p.id(), Payee.supplier(code, "路桥公司"), Money.yuan("120000"), day,
 *         "进度款"), "progress payment");
 * FundReport r = funds.report(clerk, county, 2016);
 * }</pre>
 *
 * <p>Everything is kept as storage documents (one versioned account per source, project, fund, loan and claim,
 * plus the append-only ledger entries), so funds work on every storage plugin without tables of their own.
 */
package org.jingzhun.core.funds;
