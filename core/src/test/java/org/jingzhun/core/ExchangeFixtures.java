package org.jingzhun.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jingzhun.exchange.csv.CsvExchangePlugin;
import org.jingzhun.exchange.json.JsonExchangePlugin;
import org.jingzhun.exchange.xlsx.XlsxExchangePlugin;
import org.jingzhun.spi.event.EventListener;
import org.jingzhun.spi.region.Region;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/** A Jingzhun with the three exchange formats over memory storage, and spreadsheets written cell by cell. */
final class ExchangeFixtures {
    private ExchangeFixtures() {
    }

    static Jingzhun newJingzhun(EventListener... listeners) {
        JingzhunBuilder b = Jingzhun.builder().plugin(new MemoryStoragePlugin()).plugin(new XlsxExchangePlugin())
                .plugin(new CsvExchangePlugin()).plugin(new JsonExchangePlugin()).storage("memory");
        for (EventListener l : listeners) {
            b.eventListener(l);
        }
        Jingzhun jz = b.build();
        jz.regions().define(Fixtures.COUNTY_OFFICER, List.of(
                new Region(Fixtures.COUNTY, "贵池区", 537_000, false),
                new Region(Fixtures.TOWN_A, "梅街镇", 30_000, false),
                new Region(Fixtures.TOWN_B, "棠溪镇", 20_000, false),
                new Region(Fixtures.VILLAGE_A1, "刘街村", 2_400, true),
                new Region(Fixtures.VILLAGE_A2, "源溪村", 1_900, false),
                new Region(Fixtures.VILLAGE_B1, "石门村", 2_100, true),
                new Region(Fixtures.VILLAGE_B2, "百安村", 1_700, false)), "baseline regions");
        return jz;
    }

    /** One sheet of a workbook as another system writes it: numbers as numeric cells, everything else as text. */
    record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    }

    /** A workbook written directly with fastexcel (not through Jingzhun's writer), like a national-system export. */
    static Path xlsx(Path dir, String name, Sheet... sheets) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            for (Sheet s : sheets) {
                Worksheet ws = wb.newWorksheet(s.name());
                for (int c = 0; c < s.headers().size(); c++) {
                    ws.value(0, c, s.headers().get(c));
                }
                for (int r = 0; r < s.rows().size(); r++) {
                    List<Object> row = s.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            ws.value(r + 1, c, n);
                        } else if (v != null) {
                            ws.value(r + 1, c, v.toString());
                        }
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
