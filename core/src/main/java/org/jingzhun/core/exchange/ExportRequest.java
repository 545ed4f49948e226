package org.jingzhun.core.exchange;

import java.util.Objects;
import org.jingzhun.core.disclosure.MaskingProfile;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.region.RegionCode;

/**
 * What to export (导出请求): the layout, the format's name, the area (narrowed to the principal's scope), the masking
 * profile ({@code null}: the principal's default; {@link MaskingProfile#FULL} needs VIEW_PERSONAL_DATA) and, for
 * layouts with income columns, the income year to fill them from ({@code null}: left blank).
 */
public record ExportRequest(Layout layout, String format, RegionCode area, MaskingProfile profile,
        Integer incomeYear) {
    public ExportRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(area, "area");
    }

    /** The principal's default profile, no income columns. */
    public static ExportRequest of(Layout layout, String format, RegionCode area) {
        return new ExportRequest(layout, format, area, null, null);
    }

    public ExportRequest withProfile(MaskingProfile p) {
        return new ExportRequest(layout, format, area, p, incomeYear);
    }

    public ExportRequest withIncomeYear(Integer year) {
        return new ExportRequest(layout, format, area, profile, year);
    }
}
