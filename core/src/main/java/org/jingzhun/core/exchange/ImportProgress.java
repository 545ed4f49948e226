package org.jingzhun.core.exchange;

import java.time.Duration;
import java.util.Optional;

/**
 * Where an import stands (导入进度): rows read from the file, households accepted and refused so far, the elapsed
 * time, the rate in rows per second and, when the share of the file read is known (CSV, NDJSON), the estimated
 * time left.
 *
 * @param fractionRead share of the file's bytes consumed, 0–1, or -1 when unknown (xlsx is unpacked first)
 */
public record ImportProgress(long rowsRead, long householdsRead, long accepted, long refused, Duration elapsed,
        double fractionRead) {

    /** Rows read per second so far. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }

    /** Estimated time left, when the share of the file read is known. */
    public Optional<Duration> eta() {
        if (fractionRead <= 0 || fractionRead > 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (elapsed.toMillis() * (1 - fractionRead) / fractionRead)));
    }
}
