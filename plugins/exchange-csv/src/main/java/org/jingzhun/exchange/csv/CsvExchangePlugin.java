package org.jingzhun.exchange.csv;

import java.util.List;
import org.jingzhun.exchange.csv.internal.CsvFormatFactory;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/**
 * The CSV exchange plugin (CSV 交换格式插件), {@code exchange-csv}: contributes the format {@code csv}. Files are
 * written in UTF-8 with a byte-order mark and CRLF line ends, so Excel opens Chinese text correctly; input may be
 * UTF-8 (with or without the mark) or GB18030/GBK as older Excel saves it. A CSV file holds one sheet.
 */
public final class CsvExchangePlugin implements Plugin {
    /** The plugin's stable name. */
    public static final String NAME = "exchange-csv";

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
        return List.of(new CsvFormatFactory());
    }
}
