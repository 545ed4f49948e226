package org.jingzhun.core.policy;

import org.jingzhun.spi.error.JingzhunException;

/**
 * A policy rule failed where one decision was needed (规则执行失败), naming the plugin, pack, rule and household so
 * the county can tell the plugin's author; see {@link RuleFailure}.
 */
public final class PolicyRuleException extends JingzhunException {
    private static final long serialVersionUID = 1L;
    private final transient RuleFailure failure;

    PolicyRuleException(RuleFailure f) {
        super(f.code(), f.plugin(), f.pack(), f.rule(), f.householdId(), f.detail());
        this.failure = f;
    }

    /** What failed. */
    public RuleFailure failure() {
        return failure;
    }
}
