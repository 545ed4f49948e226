package org.jingzhun.spi.quality;

/**
 * What kind of personal data a value quoted in a finding is (敏感类别), so the host masks it for readers without the
 * right to see it; {@link #NONE} values (codes, amounts, years) are shown as they are.
 */
public enum Sensitivity {
    NONE,
    CITIZEN_ID,
    PHONE,
    BANK_ACCOUNT,
    ADDRESS,
    HEALTH
}
