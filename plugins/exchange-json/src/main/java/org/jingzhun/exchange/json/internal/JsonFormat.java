package org.jingzhun.exchange.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.ExchangeWriter;

/** NDJSON through Jackson: one object per line, keyed by header, with the sheet under {@value #SHEET_KEY}. */
final class JsonFormat implements ExchangeFormat {
    static final String SHEET_KEY = "表";
    private final ObjectMapper mapper;
    private final int maxLineChars;

    JsonFormat(int maxLineChars) {
        this.maxLineChars = maxLineChars;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxLineChars).build())
                .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    @Override
    public String name() {
        return JsonFormatFactory.NAME;
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public String fileExtension() {
        return "ndjson";
    }

    @Override
    public ExchangeReader reader(InputStream in) {
        return new JsonRowReader(mapper, in, maxLineChars);
    }

    @Override
    public ExchangeWriter writer(OutputStream out) {
        return new JsonRowWriter(mapper, out);
    }
}
