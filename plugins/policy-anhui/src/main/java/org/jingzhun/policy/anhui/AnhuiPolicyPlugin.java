package org.jingzhun.policy.anhui;

import java.util.List;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.policy.PolicyPack;

/**
 * Plugin contributing the example Anhui pack (安徽省政策包). The no-argument constructor (ServiceLoader) uses
 * {@link AnhuiPolicyConfig#defaults()}; hosts pass their own configuration to change caps, rates and awards.
 */
public final class AnhuiPolicyPlugin implements Plugin {
    private final AnhuiPolicyConfig config;

    public AnhuiPolicyPlugin() {
        this(AnhuiPolicyConfig.defaults());
    }

    public AnhuiPolicyPlugin(AnhuiPolicyConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "policy-anhui";
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<PolicyPack> policyPacks() {
        return List.of(new AnhuiPolicyPack(config));
    }
}
