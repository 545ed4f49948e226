package org.jingzhun.exchange.csv.internal;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.InputStream;
import java.io.OutputStream;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.ExchangeWriter;

/** CSV through Jackson's CSV module: one sheet per file, cells as text. */
final class CsvFormat implements ExchangeFormat {
    private final CsvMapper mapper = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .disable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private final CsvSchema schema;

    CsvFormat(char separator) {
        this.schema = CsvSchema.emptySchema().withColumnSeparator(separator).withLineSeparator("\r\n");
    }

    @Override
    public String name() {
        return CsvFormatFactory.NAME;
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public boolean multipleSheets() {
        return false;
    }

    @Override
    public ExchangeReader reader(InputStream in) {
        return new CsvRowReader(mapper, schema, in);
    }

    @Override
    public ExchangeWriter writer(OutputStream out) {
        return new CsvRowWriter(mapper, schema, out);
    }
}
