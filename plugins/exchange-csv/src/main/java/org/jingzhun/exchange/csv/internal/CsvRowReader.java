package org.jingzhun.exchange.csv.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.exchange.Cell;
import org.jingzhun.spi.exchange.CellKind;
import org.jingzhun.spi.exchange.CellText;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.SheetRow;

/**
 * Streams CSV records. The encoding is UTF-8 when the file starts with a byte-order mark or its first 64 KiB decode
 * as UTF-8, else GB18030 (a superset of GBK, which older Excel writes); any byte sequence invalid in the chosen
 * encoding later refuses the file rather than turning into replacement characters. A leading apostrophe marks text
 * that was made inert on output and is removed; unmarked text that a spreadsheet would run is a formula cell.
 */
final class CsvRowReader implements ExchangeReader {
    private static final int SNIFF = 64 * 1024;
    private final MappingIterator<String[]> rows;
    private long rowNumber;

    CsvRowReader(CsvMapper mapper, CsvSchema schema, InputStream in) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, SNIFF + 3);
            Charset charset = detect(buffered);
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            rows = mapper.readerFor(String[].class).with(schema)
                    .readValues(new InputStreamReader(buffered, decoder));
        } catch (IOException e) {
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        }
    }

    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(SNIFF + 3);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Not end of input: a character cut at the end of the sniffed bytes is an underflow, not an error.
        CoderResult r = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), head.length < SNIFF);
        return r.isError() ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    }

    @Override
    public SheetRow next() {
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            String[] values = rows.nextValue();
            rowNumber++;
            List<Cell> cells = new ArrayList<>(values.length);
            for (String v : values) {
                cells.add(cell(v));
            }
            return new SheetRow("", rowNumber, cells);
        } catch (CharacterCodingException e) {
            throw new ExchangeException("exchange.encoding", e);
        } catch (IOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ExchangeException("exchange.encoding", e);
            }
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ExchangeException("exchange.encoding", e);
            }
            throw new ExchangeException("exchange.unreadable", e, String.valueOf(e.getMessage()));
        }
    }

    static Cell cell(String v) {
        if (v == null) {
            return Cell.text("");
        }
        if (v.startsWith("'")) {
            return Cell.text(v.substring(1));
        }
        if (CellText.looksLikeFormula(v)) {
            return new Cell(CellKind.FORMULA, v);
        }
        return Cell.text(v);
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
