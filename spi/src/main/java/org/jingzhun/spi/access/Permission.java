package org.jingzhun.spi.access;

/** What a principal may do inside its region scope. */
public enum Permission {
    /** Read households, plans, statistics. */
    READ,
    /** Register, amend and remove households; record incomes, plans and measures. */
    WRITE,
    /** Review and approve identification, exits and adjustments (村/镇/县 reviewers). */
    APPROVE,
    /** Manage funds, allocations and disbursements. */
    FINANCE,
    /** See unmasked citizen IDs, phone and bank numbers. */
    VIEW_PERSONAL_DATA,
    /** Configure regions, policies, targets and pairings. */
    ADMINISTER,
    /** Read a county's audit log and verify its hash chain (审计). */
    AUDIT
}
