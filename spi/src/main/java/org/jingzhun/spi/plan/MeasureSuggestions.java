package org.jingzhun.spi.plan;

import java.util.List;
import java.util.Map;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.region.RegionCode;

/**
 * A policy pack's mapping from poverty cause to the measure types suggested for it (因户施策), overriding core's
 * built-in default for households inside {@link #scope()}. Plugins contribute it through
 * {@link org.jingzhun.spi.Plugin#measureSuggestions()}. Core picks the contributed mapping with the most specific scope
 * containing the household's village; a cause that mapping leaves out falls back to the built-in default.
 */
public interface MeasureSuggestions {
    /** Stable name, e.g. {@code anhui-2016}. */
    String name();

    /** Region prefix the mapping applies to, e.g. {@code 340000000000} for Anhui. */
    RegionCode scope();

    /** Suggested measure types per cause, most important first. */
    Map<PovertyCause, List<MeasureType>> byCause();
}
