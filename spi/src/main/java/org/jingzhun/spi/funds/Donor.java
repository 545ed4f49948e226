package org.jingzhun.spi.funds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An enterprise, organisation or person taking part in social assistance (社会扶贫) by donating or claiming a project.
 *
 * @param contact phone or address for the acknowledgement; personal data, shown masked
 */
public record Donor(
        @NotNull DonorKind kind,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String contact) {
}
