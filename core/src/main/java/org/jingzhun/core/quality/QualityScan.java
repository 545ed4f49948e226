package org.jingzhun.core.quality;

import org.jingzhun.spi.region.RegionCode;

/**
 * What a data-quality scan did (核查结果): the area actually scanned (narrowed to the reader's scope), the year,
 * households checked, findings reported, findings left out because they were accepted, and whether it was cancelled.
 */
public record QualityScan(RegionCode area, int year, long households, long findings, long accepted,
        boolean cancelled) {
}
