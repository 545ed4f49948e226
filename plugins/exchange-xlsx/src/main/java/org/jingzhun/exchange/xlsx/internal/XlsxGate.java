package org.jingzhun.exchange.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jingzhun.exchange.xlsx.XlsxConfig;
import org.jingzhun.spi.exchange.ExchangeException;

/**
 * Checks a workbook before fastexcel parses it: copies at most {@code maxFileBytes} to a temporary file, tells an
 * encrypted or legacy OLE2 workbook and a non-zip file from an xlsx by their first bytes, then inflates every entry
 * once, counting real (not declared) bytes, and stops at the first limit passed.
 */
final class XlsxGate {
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final byte[] ENCRYPTION_INFO = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);

    private XlsxGate() {
    }

    /** A temporary copy of {@code in} that passed every check; the caller deletes it. */
    static Path admit(InputStream in, XlsxConfig config) {
        Path file;
        try {
            file = Files.createTempFile("jingzhun-import-", ".xlsx");
        } catch (IOException e) {
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        }
        try {
            copy(in, file, config.maxFileBytes());
            byte[] head = new byte[8];
            try (InputStream f = Files.newInputStream(file)) {
                int n = f.readNBytes(head, 0, 8);
                if (n == 8 && java.util.Arrays.equals(head, OLE2)) {
                    throw new ExchangeException(encrypted(file) ? "exchange.encrypted" : "exchange.not_xlsx",
                            "OLE2 (xls)");
                }
                if (n < 4 || head[0] != 'P' || head[1] != 'K') {
                    throw new ExchangeException("exchange.not_xlsx", "no zip signature");
                }
            }
            inflateWithinLimits(file, config);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new ExchangeException("exchange.unreadable", e, e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void copy(InputStream in, Path file, long max) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw new ExchangeException("exchange.zip_bomb", max + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
    }

    /** An encrypted OOXML package is an OLE2 compound file with an {@code EncryptionInfo} stream. */
    private static boolean encrypted(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        outer:
        for (int i = 0; i + ENCRYPTION_INFO.length <= all.length; i++) {
            for (int j = 0; j < ENCRYPTION_INFO.length; j++) {
                if (all[i + j] != ENCRYPTION_INFO[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void inflateWithinLimits(Path file, XlsxConfig config) throws IOException {
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buf = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > config.maxEntries()) {
                    throw new ExchangeException("exchange.zip_bomb", config.maxEntries() + " entries");
                }
                workbook |= "xl/workbook.xml".equals(e.getName());
                long entryBytes = 0;
                long compressed = Math.max(1, e.getCompressedSize());
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        entryBytes += n;
                        total += n;
                        if (total > config.maxUncompressedBytes()) {
                            throw new ExchangeException("exchange.zip_bomb", config.maxUncompressedBytes() + " bytes");
                        }
                        if (entryBytes > (1 << 20) && entryBytes / compressed > config.maxCompressionRatio()) {
                            throw new ExchangeException("exchange.zip_bomb",
                                    "compression ratio " + config.maxCompressionRatio() + ":1");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new ExchangeException("exchange.not_xlsx", e, "damaged zip: " + e.getMessage());
        }
        if (!workbook) {
            throw new ExchangeException("exchange.not_xlsx", "no xl/workbook.xml");
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is removed by the OS; never worth failing an import over.
        }
    }
}
