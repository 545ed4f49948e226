package org.jingzhun.spi.audit;

/**
 * The outcome of checking a county's audit hash chain (审计链校验结果): intact, or the first entry whose link is
 * broken and how.
 *
 * @param countyCode       the county checked
 * @param checked          entries read, the broken one included
 * @param brokenSequence   sequence of the first entry that does not fit the chain, or null when the chain is intact
 * @param problem          how it does not fit, or null when the chain is intact
 * @param previousSequence the last entry that still fitted before the break, or null (intact, or broken at the first)
 */
public record AuditVerification(String countyCode, long checked, Long brokenSequence, Problem problem,
        Long previousSequence) {

    /** How an entry breaks the chain. */
    public enum Problem {
        /** Its stored hash is not the hash of its fields: the entry was changed after it was written. */
        HASH_MISMATCH,
        /** Its previous hash is not the hash of the entry before it: an entry was inserted or removed before it. */
        PREV_LINK_BROKEN,
        /** It came after an entry with the same or a higher sequence. */
        OUT_OF_ORDER,
        /** It belongs to another county. */
        OTHER_COUNTY
    }

    /** Whether every entry checked fits the chain. */
    public boolean intact() {
        return problem == null;
    }
}
