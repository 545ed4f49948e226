package org.jingzhun.spi.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jingzhun.spi.household.PovertyCause;

/**
 * One entry of a needs list (需求清单): what a household or village needs, either because of a poverty cause
 * ({@link #cause()} set) or a basic-needs/income gap ({@link #gap()} set), or written by hand (both null).
 *
 * @param cause       the poverty cause behind the need, or null
 * @param gap         the basic-needs or income gap behind the need, or null
 * @param description what is needed, in the words shown on the list
 */
public record Need(PovertyCause cause, NeedGap gap, @NotBlank @Size(max = 200) String description) {

    /** A need arising from a poverty cause. */
    public static Need ofCause(PovertyCause cause) {
        return new Need(cause, null, "致贫原因：" + cause.label());
    }

    /** A need arising from a basic-needs or income gap. */
    public static Need ofGap(NeedGap gap, String detail) {
        return new Need(null, gap, detail == null || detail.isBlank() ? gap.label() : gap.label() + "：" + detail);
    }
}
