package org.jingzhun.example.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The error reports of the portal's uploads (导入错误报告), kept in memory for the session that uploaded the file:
 * the clerk downloads the report, fixes the rows and uploads it again. A report is handed out only to its own
 * session, expires after an hour, and at most {@value #MAX_REPORTS} are kept (the oldest go first), so uploads
 * cannot fill the heap.
 */
final class ImportDesk {
    static final int MAX_REPORTS = 50;
    private static final Duration KEPT = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A report: its bytes, the file name and media type to send it under, whose it is, when it was made. */
    record Report(byte[] bytes, String fileName, String mediaType, String sessionId, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Report> reports = new LinkedHashMap<>();

    ImportDesk(Clock clock) {
        this.clock = clock;
    }

    /** Keeps a report for {@code sessionId}; returns the token that fetches it. */
    synchronized String keep(String sessionId, byte[] bytes, String fileName, String mediaType) {
        prune();
        while (reports.size() >= MAX_REPORTS) {
            reports.remove(reports.keySet().iterator().next());
        }
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        reports.put(token, new Report(bytes, fileName, mediaType, sessionId, clock.instant()));
        return token;
    }

    /** The report of {@code token} if it belongs to {@code sessionId} and has not expired. */
    synchronized Optional<Report> find(String sessionId, String token) {
        prune();
        Report r = reports.get(token);
        return r != null && r.sessionId().equals(sessionId) ? Optional.of(r) : Optional.empty();
    }

    private void prune() {
        Instant oldest = clock.instant().minus(KEPT);
        reports.values().removeIf(r -> r.at().isBefore(oldest));
    }
}
