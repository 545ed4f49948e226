package org.jingzhun.exchange.xlsx;

import java.util.List;
import org.jingzhun.exchange.xlsx.internal.XlsxFormatFactory;
import org.jingzhun.spi.Plugin;
import org.jingzhun.spi.exchange.ExchangeFormatFactory;

/**
 * The Excel exchange plugin (Excel 交换格式插件), {@code exchange-xlsx}: contributes the format {@code xlsx}, read and
 * written streaming with dhatim fastexcel. Input is checked before it is parsed: legacy or password-protected
 * (encrypted OLE2) workbooks, files that are not xlsx, and zip bombs (too many entries, too much uncompressed data,
 * an implausible compression ratio) are refused with a clear error.
 */
public final class XlsxExchangePlugin implements Plugin {
    /** The plugin's stable name. */
    public static final String NAME = "exchange-xlsx";

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
        return List.of(new XlsxFormatFactory());
    }
}
