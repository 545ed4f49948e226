package org.jingzhun.policy.national;

import java.util.List;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.policy.PolicyPack;

/**
 * Plugin contributing the national policy pack (国家标准政策包). The no-argument constructor (used by ServiceLoader)
 * takes {@link NationalPolicyConfig#defaults()}; hosts pass their own configuration to override lines or thresholds.
 */
public final class NationalPolicyPlugin implements Plugin {
    private final NationalPolicyConfig config;

    public NationalPolicyPlugin() {
        this(NationalPolicyConfig.defaults());
    }

    public NationalPolicyPlugin(NationalPolicyConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "policy-national";
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<PolicyPack> policyPacks() {
        return List.of(new NationalPolicyPack(config));
    }
}
