package org.jingzhun.exchange.json.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jingzhun.spi.exchange.Cell;
import org.jingzhun.spi.exchange.CellKind;
import org.jingzhun.spi.exchange.ExchangeException;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.SheetRow;

/**
 * Reads NDJSON line by line. The keys of a sheet's first line are its header row (given that line's number); keys
 * first seen on a later line of the sheet are not part of the header and are ignored. A line that is not a JSON
 * object becomes a row whose single cell is an error value, so the layout reports it against its line.
 */
final class JsonRowReader implements ExchangeReader {
    private final ObjectMapper mapper;
    private final BufferedReader in;
    private final int maxLineChars;
    private final Deque<SheetRow> queued = new ArrayDeque<>();
    private String sheet;
    private List<String> header = List.of();
    private long line;

    JsonRowReader(ObjectMapper mapper, InputStream in, int maxLineChars) {
        this.mapper = mapper;
        this.maxLineChars = maxLineChars;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    @Override
    public SheetRow next() {
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        String text;
        try {
            text = in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ExchangeException("exchange.encoding", e);
        } catch (IOException e) {
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        }
        if (text == null) {
            return null;
        }
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new SheetRow(sheet, line, List.of());
        }
        if (text.length() > maxLineChars) {
            return new SheetRow(sheet, line, List.of(new Cell(CellKind.ERROR, "(line too long)")));
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JacksonException e) {
            node = null;
        }
        if (!(node instanceof ObjectNode object)) {
            return new SheetRow(sheet, line, List.of(new Cell(CellKind.ERROR, "(not a JSON object)")));
        }
        String rowSheet = object.path(JsonFormat.SHEET_KEY).asText("");
        if (sheet == null || !sheet.equals(rowSheet)) {
            sheet = rowSheet;
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(k -> {
                if (!JsonFormat.SHEET_KEY.equals(k)) {
                    keys.add(k);
                }
            });
            header = List.copyOf(keys);
            queued.add(row(object));
            return new SheetRow(sheet, line, header.stream().map(Cell::text).toList());
        }
        return row(object);
    }

    private SheetRow row(ObjectNode object) {
        List<Cell> cells = new ArrayList<>(header.size());
        for (String key : header) {
            cells.add(cell(object.get(key)));
        }
        return new SheetRow(sheet, line, cells);
    }

    private static Cell cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return Cell.text("");
        }
        if (v.isNumber()) {
            return Cell.number(v.decimalValue().toPlainString());
        }
        if (v.isBoolean()) {
            return new Cell(CellKind.BOOLEAN, v.asText());
        }
        if (v.isTextual()) {
            return Cell.text(v.textValue());
        }
        return new Cell(CellKind.ERROR, v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void close() {
        // The caller owns the stream.
    }
}
