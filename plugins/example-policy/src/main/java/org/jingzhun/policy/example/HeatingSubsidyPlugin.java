package org.jingzhun.policy.example;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.policy.Benefit;
import org.jingzhun.spi.policy.EffectivePeriod;
import org.jingzhun.spi.policy.PolicyPack;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.policy.SimplePolicyPack;

/** A county's winter-heating subsidy (冬季取暖补贴) for poor households with a disabled member: the template to copy. */
public final class HeatingSubsidyPlugin implements Plugin {
    /** Where, from when and how much (取暖补贴参数); the host validates it at start-up. */
    public record Config(@NotNull @Pattern(regexp = "\\d{6}") String county, @NotNull LocalDate from,
            @NotNull @DecimalMin("0.01") @Digits(integer = 6, fraction = 2) BigDecimal perHousehold) {
    }

    private final Config config;

    public HeatingSubsidyPlugin() {
        this(new Config("341702", LocalDate.of(2016, 1, 1), new BigDecimal("300.00")));
    }

    public HeatingSubsidyPlugin(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "example-policy";
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<PolicyPack> policyPacks() {
        return List.of(SimplePolicyPack.builder("example-heating", RegionScope.ofPrefix(config.county()),
                EffectivePeriod.from(config.from())).config(config)
                .benefit(Benefit.perHousehold("example.heating", "冬季取暖补贴", config.perHousehold())
                        .requires("贫困户", f -> f.household().status().poor())
                        .requires("有残疾成员", f -> f.household().members().stream().anyMatch(Benefit::disabled)))
                .build());
    }
}
