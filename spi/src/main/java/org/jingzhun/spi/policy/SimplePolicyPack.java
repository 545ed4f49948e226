package org.jingzhun.spi.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A policy pack made of benefit rules only (简易政策包), the usual shape of a county's or township's own policies:
 * a name, a scope, a period, the typed configuration (validated by the host) and the rules. Build it with
 * {@link #builder}; the eligibility, exit and monitoring rules keep coming from broader packs.
 */
public final class SimplePolicyPack implements PolicyPack {
    private final String name;
    private final RegionScope scope;
    private final EffectivePeriod period;
    private final Object config;
    private final List<BenefitRule> benefits;
    private final Set<String> overrides;

    private SimplePolicyPack(Builder b) {
        this.name = b.name;
        this.scope = b.scope;
        this.period = b.period;
        this.config = b.config;
        this.benefits = List.copyOf(b.benefits);
        this.overrides = Set.copyOf(b.overrides);
    }

    /** Starts a pack named {@code name} for {@code scope} in force during {@code period}. */
    public static Builder builder(String name, RegionScope scope, EffectivePeriod period) {
        return new Builder(name, scope, period);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RegionScope regionScope() {
        return scope;
    }

    @Override
    public EffectivePeriod effectivePeriod() {
        return period;
    }

    @Override
    public Object config() {
        return config;
    }

    @Override
    public List<BenefitRule> benefits() {
        return benefits;
    }

    @Override
    public Set<String> overrides() {
        return overrides;
    }

    /** Collects the parts of a {@link SimplePolicyPack}. */
    public static final class Builder {
        private final String name;
        private final RegionScope scope;
        private final EffectivePeriod period;
        private Object config;
        private final List<BenefitRule> benefits = new ArrayList<>();
        private final Set<String> overrides = new LinkedHashSet<>();

        private Builder(String name, RegionScope scope, EffectivePeriod period) {
            this.name = Objects.requireNonNull(name, "name");
            this.scope = Objects.requireNonNull(scope, "scope");
            this.period = Objects.requireNonNull(period, "period");
        }

        /** The typed configuration the host validates at start-up. */
        public Builder config(Object value) {
            this.config = value;
            return this;
        }

        /** Adds a fixed-amount benefit, its explanations naming this pack. */
        public Builder benefit(Benefit benefit) {
            benefits.add(benefit.bind(name));
            return this;
        }

        /** Adds a hand-written benefit rule. */
        public Builder benefit(BenefitRule rule) {
            benefits.add(rule);
            return this;
        }

        /** Declares that this pack replaces a broader pack's benefit of that policy id inside its scope. */
        public Builder overrides(String policyId) {
            overrides.add(policyId);
            return this;
        }

        public SimplePolicyPack build() {
            return new SimplePolicyPack(this);
        }
    }
}
