package org.jingzhun.core.disclosure;

import org.jingzhun.spi.access.Permission;
import org.jingzhun.spi.access.Principal;

/**
 * How much personal data a result may carry (脱敏规则), the only ways personal data leaves the library: citizen ID,
 * phone, bank account, address detail and health.
 */
public enum MaskingProfile {
    /**
     * Public notice (公示): name, village, category and reason only; never an ID, phone, bank account, address detail
     * or health (REFERENCE §6). IDs, phones, bank accounts, addresses and health are removed, not masked.
     */
    PUBLIC_NOTICE("公示"),
    /**
     * Screens and paper (屏幕显示): ID with its first 6 and last 4 characters, the middle of phone and bank numbers
     * masked, the address only to the village group, health withheld.
     */
    SCREEN("屏幕显示"),
    /** Everything as stored; needs {@link Permission#VIEW_PERSONAL_DATA}, and every such read is audited. */
    FULL("完整");

    private final String zh;

    MaskingProfile(String zh) {
        this.zh = zh;
    }

    /** The profile a principal reads with by default: {@link #FULL} with VIEW_PERSONAL_DATA, else {@link #SCREEN}. */
    public static MaskingProfile defaultFor(Principal principal) {
        return principal.can(Permission.VIEW_PERSONAL_DATA) ? FULL : SCREEN;
    }

    /** Chinese name, e.g. {@code 公示}. */
    public String label() {
        return zh;
    }
}
