package org.jingzhun.exchange.csv.internal;

import org.jingzhun.exchange.csv.CsvConfig;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/** Creates the {@code csv} format from its configuration. */
public final class CsvFormatFactory implements ExchangeFormatFactory<CsvConfig> {
    /** The format's stable name. */
    public static final String NAME = "csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CsvConfig> configType() {
        return CsvConfig.class;
    }

    @Override
    public ExchangeFormat create(CsvConfig config, PluginContext context) {
        return new CsvFormat(config.separator().charAt(0));
    }
}
