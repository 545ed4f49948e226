package org.jingzhun.exchange.json.internal;

import org.jingzhun.exchange.json.JsonConfig;
import org.jingzhun.spi.PluginContext;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/** Creates the {@code ndjson} format from its configuration. */
public final class JsonFormatFactory implements ExchangeFormatFactory<JsonConfig> {
    /** The format's stable name. */
    public static final String NAME = "ndjson";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<JsonConfig> configType() {
        return JsonConfig.class;
    }

    @Override
    public ExchangeFormat create(JsonConfig config, PluginContext context) {
        return new JsonFormat(config.maxLineChars());
    }
}
