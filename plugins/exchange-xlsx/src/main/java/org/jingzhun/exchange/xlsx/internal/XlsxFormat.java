package org.jingzhun.exchange.xlsx.internal;

import java.io.InputStream;
import java.io.OutputStream;
import org.jingzhun.exchange.xlsx.XlsxConfig;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.ExchangeWriter;

/** Office Open XML workbooks through fastexcel. */
final class XlsxFormat implements ExchangeFormat {
    private final XlsxConfig config;

    XlsxFormat(XlsxConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return XlsxFormatFactory.NAME;
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public String fileExtension() {
        return "xlsx";
    }

    @Override
    public ExchangeReader reader(InputStream in) {
        return XlsxRowReader.open(in, config);
    }

    @Override
    public ExchangeWriter writer(OutputStream out) {
        return new XlsxRowWriter(out);
    }
}
