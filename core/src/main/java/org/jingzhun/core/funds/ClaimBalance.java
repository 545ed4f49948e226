package org.jingzhun.core.funds;

import java.math.BigDecimal;
import org.jingzhun.spi.funds.ProjectClaim;

/** A donor's claim of a project (项目认领) with the money received against it and what is still to come. */
public record ClaimBalance(ProjectClaim claim, BigDecimal received, BigDecimal unreceived) {
}
