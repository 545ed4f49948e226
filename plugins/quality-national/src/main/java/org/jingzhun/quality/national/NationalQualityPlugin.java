package org.jingzhun.quality.national;

import java.util.List;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.policy.RegionScope;
import org.jingzhun.spi.quality.QualityPack;
import org.jingzhun.spi.quality.QualityPackConfig;
import org.jingzhun.spi.quality.QualityPackFactory;

/**
 * Plugin contributing the national data-quality pack (全国通用数据质量规则包), named {@code national}: household,
 * member, income, monitoring and pairing consistency rules, each with a code, severity, zh/en message and fix hint.
 * A county switches rules off, re-grades them or changes their parameters through {@link QualityPackConfig}.
 */
public final class NationalQualityPlugin implements Plugin {
    /** The pack's name, the one a host configures it by. */
    public static final String PACK = "national";

    @Override
    public String name() {
        return "quality-national";
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<QualityPackFactory<?>> qualityPacks() {
        return List.of(new Factory());
    }

    /** The pack as configured, without a host: what tests and tools that run the rules directly use. */
    public static QualityPack pack(QualityPackConfig config) {
        return QualityPack.of(PACK, RegionScope.national(), NationalQualityRules.parameters(),
                NationalQualityRules.rules(), config);
    }

    private static final class Factory implements QualityPackFactory<QualityPackConfig> {
        @Override
        public String name() {
            return PACK;
        }

        @Override
        public Class<QualityPackConfig> configType() {
            return QualityPackConfig.class;
        }

        @Override
        public QualityPack create(QualityPackConfig config, PluginContext context) {
            return pack(config);
        }
    }
}
