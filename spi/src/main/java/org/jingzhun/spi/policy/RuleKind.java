package org.jingzhun.spi.policy;

/**
 * The kinds of rule a policy pack may provide (规则类别). The policy engine resolves each kind separately: for a
 * household, region and date it takes the most specific pack in force that provides that kind.
 */
public enum RuleKind {
    /** Who may be identified as poor (识别标准): income line of the year plus basic needs. */
    ELIGIBILITY,
    /** Who must not be registered whatever the income (排除条件), e.g. owning a car or commercial housing. */
    EXCLUSION,
    /** When a household may exit (户脱贫标准). */
    HOUSEHOLD_EXIT,
    /** When a village or county may exit (村出列、县摘帽标准). */
    AREA_EXIT,
    /** Who becomes a monitored household and when the risk is cleared (防返贫监测). */
    MONITORING,
    /** Amounts a household is entitled to under a policy in a year (政策享受). */
    BENEFIT,
    /** The interest subsidy of a poverty microloan over a period (扶贫小额信贷贴息), asked by the funds ledger too. */
    INTEREST_SUBSIDY
}
