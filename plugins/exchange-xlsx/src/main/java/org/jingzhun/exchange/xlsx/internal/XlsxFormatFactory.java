package org.jingzhun.exchange.xlsx.internal;

import org.jingzhun.exchange.xlsx.XlsxConfig;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/** Creates the {@code xlsx} format from its configuration. */
public final class XlsxFormatFactory implements ExchangeFormatFactory<XlsxConfig> {
    /** The format's stable name. */
    public static final String NAME = "xlsx";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<XlsxConfig> configType() {
        return XlsxConfig.class;
    }

    @Override
    public ExchangeFormat create(XlsxConfig config, PluginContext context) {
        return new XlsxFormat(config);
    }
}
