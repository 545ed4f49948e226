package org.jingzhun.example.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The simulated calendar of the demo: Jingzhun takes its clock from the host, so seven years of procedures (public
 * notices of at least seven days, effective dates of policies) run in seconds. Only the demo thread moves it.
 */
public final class DemoClock extends Clock {
    private volatile Instant now;

    DemoClock(LocalDate start) {
        set(start);
    }

    void set(LocalDate day) {
        now = day.atTime(9, 0).toInstant(ZoneOffset.ofHours(8));
    }

    void advanceDays(long days) {
        now = now.plus(days, ChronoUnit.DAYS);
    }

    LocalDate today() {
        return now.atZone(getZone()).toLocalDate();
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
