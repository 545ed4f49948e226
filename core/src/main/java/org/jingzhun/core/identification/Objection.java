package org.jingzhun.core.identification;

import java.time.LocalDate;

/**
 * An objection raised during a public notice (公示异议). It sends the case back for review and stays on the case for
 * good, so reviewers see what was objected to.
 *
 * @param during the stage (notice) the objection was raised in
 */
public record Objection(LocalDate raisedOn, String during, String raisedBy, String text) {
}
