package org.jingzhun.spi.quality;

import java.util.List;
import java.util.Optional;

/**
 * One data-quality rule (数据质量规则): a stable code, a default severity, a message and a fix hint in zh-CN and en,
 * the pack parameters it reads, the sensitivity of the value it quotes, an optional set-level index, and the check
 * itself. Messages are templates: {@code {value}} is the quoted value (masked by the host as needed), {@code {name}}
 * the member's name, and any parameter or finding argument by its name. Build rules with {@link QualityRules#rule}.
 */
public interface QualityRule {
    /** Stable code, unique in its pack, e.g. {@code MB03}; counties refer to it to disable or re-grade a rule. */
    String code();

    Severity severity();

    RecordKind record();

    String messageZh();

    String messageEn();

    String fixZh();

    String fixEn();

    /** Names of the pack parameters the rule reads. */
    List<String> parameters();

    /** What kind of personal data the quoted value is. */
    Sensitivity sensitivity();

    /** The set-level index the rule reads through {@link QualityFacts#index()}, if any. */
    default Optional<SetIndex> index() {
        return Optional.empty();
    }

    /** Checks one household and reports every finding to {@code out}; must not keep state between calls. */
    void check(QualityFacts facts, QualityParameters params, FindingSink out);
}
