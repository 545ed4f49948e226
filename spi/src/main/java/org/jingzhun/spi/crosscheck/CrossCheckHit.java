package org.jingzhun.spi.crosscheck;

import java.util.Objects;
import org.jingzhun.spi.person.CitizenId;

/**
 * A match of a citizen ID in another department's list (比对疑点), e.g. a registered vehicle or a public employee. A
 * hit blocks approval until a reviewer clears it with a reason.
 *
 * @param source   name of the source that found it
 * @param category what the list is, e.g. {@code vehicle}, {@code commercial-housing}, {@code public-employee}
 * @param detail   what the department recorded, e.g. a plate number or employer
 */
public record CrossCheckHit(String source, CitizenId citizenId, String category, String detail) {
    public CrossCheckHit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(category, "category");
        detail = detail == null ? "" : detail;
    }
}
