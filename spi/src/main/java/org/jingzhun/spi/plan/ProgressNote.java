package org.jingzhun.spi.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A dated note on how a measure or project is going (进展情况), written by the person named.
 *
 * @param date   day the progress was observed
 * @param author who wrote it (user id or name)
 * @param text   the note
 */
public record ProgressNote(@NotNull LocalDate date, @NotBlank @Size(max = 60) String author,
        @NotBlank @Size(max = 500) String text) {
}
