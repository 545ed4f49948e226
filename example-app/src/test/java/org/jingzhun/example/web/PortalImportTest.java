package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.exchange.ExchangeFormat;
import org.jingzhun.spi.exchange.ExchangeReader;
import org.jingzhun.spi.exchange.ExchangeWriter;
import org.jingzhun.spi.exchange.SheetRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clerk's upload of a national-format sheet through the portal: a sheet with a mistake is validated, the problem
 * comes back with its sheet, row and column, and the error report (the same workbook with an error column) can be
 * fetched by this session only; a viewer cannot import and a file of another type is refused.
 */
class PortalImportTest {
    private static PortalFixture fx;
    private static PortalServer portal;

    @BeforeAll
    static void start() {
        fx = new PortalFixture();
        portal = fx.start(o -> o);
    }

    @AfterAll
    static void stop() {
        portal.close();
        fx.close();
    }

    @Test
    void anUploadWithAMistakeYieldsItsRowErrorAndTheErrorReport() throws Exception {
        PortalClient county = PortalClient.signedIn(portal, "county", PortalFixture.PASSWORD);
        byte[] exported = county.getBytes("/download/national.xlsx").body();
        byte[] withMistake = withUnknownVillage(exported);

        HttpResponse<String> res = county.upload("/api/import?mode=validate", "户信息.xlsx", withMistake);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode r = county.json(res);
        assertThat(r.get("refused").asLong()).isEqualTo(1);
        assertThat(r.get("written").asBoolean()).isFalse();
        assertThat(r.get("amended").asLong()).isEqualTo(fx.households().size() - 1);
        JsonNode error = r.get("errors").get(0);
        assertThat(error.get("sheet").asText()).isEqualTo("户信息");
        assertThat(error.get("row").asLong()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("341702999999");

        String reportUrl = r.get("reportUrl").asText();
        HttpResponse<byte[]> report = county.getBytes(reportUrl);
        assertThat(report.statusCode()).isEqualTo(200);
        List<String> firstRows = new ArrayList<>();
        try (ExchangeReader reader = xlsx().reader(new ByteArrayInputStream(report.body()))) {
            for (SheetRow row = reader.next(); row != null && firstRows.size() < 2; row = reader.next()) {
                firstRows.add(String.join("|", row.cells().stream().map(c -> c.text()).toList()));
            }
        }
        assertThat(firstRows.get(0)).contains("错误说明");
        assertThat(firstRows.get(1)).contains("341702999999");

        PortalClient other = PortalClient.signedIn(portal, "county", PortalFixture.PASSWORD);
        assertThat(other.getBytes(reportUrl).statusCode()).as("another session").isEqualTo(404);
    }

    @Test
    void aViewerCannotImportAndOnlySheetsAreTaken() {
        PortalClient viewer = PortalClient.signedIn(portal, "viewer", PortalFixture.PASSWORD);
        PortalClient county = PortalClient.signedIn(portal, "county", PortalFixture.PASSWORD);
        byte[] sheet = county.getBytes("/download/national.xlsx").body();
        assertThat(viewer.upload("/api/import", "户信息.xlsx", sheet).statusCode()).isEqualTo(403);
        assertThat(county.upload("/api/import", "setup.exe", sheet).statusCode()).isEqualTo(415);
        HttpResponse<String> notXlsx = county.upload("/api/import", "户信息.xlsx", "not a workbook".getBytes());
        assertThat(notXlsx.statusCode()).isBetween(400, 499);
        assertThat(notXlsx.body()).doesNotContain("Exception");
        county.csrf = null;
        assertThat(county.upload("/api/import", "户信息.xlsx", sheet).statusCode()).as("no CSRF token").isEqualTo(403);
    }

    private static ExchangeFormat xlsx() {
        return fx.jz.exchange().format("xlsx");
    }

    /** The workbook with the first household's village code replaced by one that does not exist. */
    private static byte[] withUnknownVillage(byte[] workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExchangeReader reader = xlsx().reader(new ByteArrayInputStream(workbook));
                ExchangeWriter writer = xlsx().writer(out)) {
            String sheet = null;
            int column = -1;
            for (SheetRow row = reader.next(); row != null; row = reader.next()) {
                List<String> values = new ArrayList<>(row.cells().stream().map(c -> c.text()).toList());
                if (!row.sheet().equals(sheet)) {
                    sheet = row.sheet();
                    column = values.indexOf("行政区划代码");
                    writer.startSheet(sheet, values);
                    continue;
                }
                if (sheet.equals("户信息") && row.rowNumber() == 2) {
                    values.set(column, "341702999999");
                }
                writer.row(values);
            }
        }
        return out.toByteArray();
    }
}
