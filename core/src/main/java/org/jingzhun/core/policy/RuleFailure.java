package org.jingzhun.core.policy;

import java.util.Objects;

/**
 * A rule of a plugin's pack that failed for a household (规则执行失败): it threw, returned nothing, or returned a result
 * naming another pack or rule. The engine reports it instead of letting it sink the caller, so a benefit statement
 * still lists the other lines and bulk evaluation goes on.
 *
 * @param plugin      the plugin that contributed the pack ({@code host} for packs the host added itself)
 * @param rule        the rule's id: a benefit's policy id, or the rule kind
 * @param householdId the household it was evaluated for (the area code for area rules)
 * @param code        {@code policy.rule_failed}, {@code policy.rule_null} or {@code policy.rule_mismatch}
 * @param detail      what went wrong, e.g. the exception's class and message
 */
public record RuleFailure(String plugin, String pack, String rule, String householdId, String code, String detail) {
    public RuleFailure {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
    }

    /** The failure as an exception, for callers that need one decision and cannot go on without it. */
    public PolicyRuleException toException() {
        return new PolicyRuleException(this);
    }
}
