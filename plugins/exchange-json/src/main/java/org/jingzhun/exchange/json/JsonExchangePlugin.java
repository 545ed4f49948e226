package org.jingzhun.exchange.json;

import java.util.List;
import org.jingzhun.exchange.json.internal.JsonFormatFactory;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/**
 * The NDJSON exchange plugin (NDJSON 交换格式插件), {@code exchange-json}: contributes the format {@code ndjson}, one
 * JSON object per line: the sheet under {@code "表"} and the cells under their Chinese headers, numbers as JSON
 * numbers. Meant for systems exchanging rows with a layout, not for spreadsheets.
 */
public final class JsonExchangePlugin implements Plugin {
    /** The plugin's stable name. */
    public static final String NAME = "exchange-json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int spiVersion() {
        return Plugin.SPI_VERSION;
    }

    @Override
    public List<ExchangeFormatFactory<?>> exchangeFormats() {
        return List.of(new JsonFormatFactory());
    }
}
