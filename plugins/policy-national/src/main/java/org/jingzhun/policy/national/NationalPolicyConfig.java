package org.jingzhun.policy.national;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.policy.ExclusionFactor;

/**
 * Parameters of the national pack (国家标准参数), validated by the host at start-up. {@link #defaults()} gives the
 * values below; every one can be overridden, a year's line with {@link #withLine}.
 *
 * <p><b>Poverty line by year (yuan per person per year, current prices).</b> Confirmed: 2,300 at 2010 prices (the
 * 2011 standard's base) and 2,855 for 2015. <b>[unconfirmed]</b>: 2016 ≈ 3,000 and 2020 ≈ 4,000 (REFERENCE §4).
 * <b>[unconfirmed, interpolated]</b>: 2011–2014 linearly between 2,300 (2010) and 2,855 (2015), i.e. 2,411 / 2,522 /
 * 2,633 / 2,744; 2017–2019 linearly between 3,000 and 4,000, i.e. 3,250 / 3,500 / 3,750. Years after the last
 * configured year use the last line, and the explanation says so. Explanations flag every unconfirmed line.
 *
 * @param lines                 per-capita net income line by year
 * @param confirmedLineYears    years whose line is confirmed from a primary source
 * @param monitoringMultiple    monitoring flags households under this multiple of the line [unconfirmed: 1.5, Anhui 2020]
 * @param incidenceThresholdPercent village/county exit: incidence must be below this (2%)
 * @param higherThresholdPercent    the threshold used in {@code higherThresholdPrefixes} (3%, western provinces)
 * @param higherThresholdPrefixes   division-code prefixes (e.g. {@code 62} Gansu) where the higher threshold applies
 * @param exitCountedIncome     income items counted for a stable exit (default: all but one-off/policy payments)
 * @param compulsoryAgeFrom     first age of compulsory education (义务教育) checked by basic needs
 * @param compulsoryAgeTo       last age of compulsory education
 * @param basicNeedsGapQualifies whether an unmet basic need alone makes a household eligible (default false)
 * @param exclusionFactors      circumstances that exclude a household from registration
 * @param effectiveFrom         first day the pack is in force
 */
public record NationalPolicyConfig(
        @NotEmpty Map<@NotNull @Min(2000) @Max(2100) Integer, @NotNull @DecimalMin("1") BigDecimal> lines,
        @NotNull Set<@NotNull Integer> confirmedLineYears,
        @NotNull @DecimalMin("1.0") @DecimalMax("5.0") BigDecimal monitoringMultiple,
        @NotNull @DecimalMin("0.01") @DecimalMax("50") BigDecimal incidenceThresholdPercent,
        @NotNull @DecimalMin("0.01") @DecimalMax("50") BigDecimal higherThresholdPercent,
        @NotNull Set<@NotNull String> higherThresholdPrefixes,
        @NotEmpty Set<@NotNull IncomeItem> exitCountedIncome,
        @Min(0) @Max(20) int compulsoryAgeFrom,
        @Min(0) @Max(20) int compulsoryAgeTo,
        boolean basicNeedsGapQualifies,
        @NotNull Set<@NotNull ExclusionFactor> exclusionFactors,
        @NotNull LocalDate effectiveFrom) {

    public NationalPolicyConfig {
        lines = Map.copyOf(lines);
        confirmedLineYears = Set.copyOf(confirmedLineYears);
        higherThresholdPrefixes = Set.copyOf(higherThresholdPrefixes);
        exitCountedIncome = Set.copyOf(exitCountedIncome);
        exclusionFactors = Set.copyOf(exclusionFactors);
    }

    public static NationalPolicyConfig defaults() {
        Map<Integer, BigDecimal> lines = new TreeMap<>();
        String[] values = {"2300", "2411", "2522", "2633", "2744", "2855", "3000", "3250", "3500", "3750", "4000"};
        for (int i = 0; i < values.length; i++) {
            lines.put(2010 + i, new BigDecimal(values[i]).setScale(2));
        }
        Set<IncomeItem> counted = EnumSet.noneOf(IncomeItem.class);
        for (IncomeItem item : IncomeItem.values()) {
            if (!item.oneOff()) {
                counted.add(item);
            }
        }
        return new NationalPolicyConfig(lines, Set.of(2010, 2015), new BigDecimal("1.5"), new BigDecimal("2.00"),
                new BigDecimal("3.00"), Set.of(), counted, 7, 15, false,
                EnumSet.of(ExclusionFactor.VEHICLE, ExclusionFactor.COMMERCIAL_HOUSING, ExclusionFactor.BUSINESS,
                        ExclusionFactor.PUBLIC_EMPLOYEE), LocalDate.of(2014, 1, 1));
    }

    /** A copy with the line of {@code year} replaced (e.g. a confirmed 2016 value); marks it confirmed. */
    public NationalPolicyConfig withLine(int year, BigDecimal line, boolean confirmed) {
        Map<Integer, BigDecimal> l = new TreeMap<>(lines);
        l.put(year, line);
        Set<Integer> c = new java.util.HashSet<>(confirmedLineYears);
        if (confirmed) {
            c.add(year);
        } else {
            c.remove(year);
        }
        return new NationalPolicyConfig(l, c, monitoringMultiple, incidenceThresholdPercent, higherThresholdPercent,
                higherThresholdPrefixes, exitCountedIncome, compulsoryAgeFrom, compulsoryAgeTo,
                basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }

    /** A copy where the higher incidence threshold applies under the given division-code prefixes. */
    public NationalPolicyConfig withHigherThresholdPrefixes(Set<String> prefixes) {
        return new NationalPolicyConfig(lines, confirmedLineYears, monitoringMultiple, incidenceThresholdPercent,
                higherThresholdPercent, prefixes, exitCountedIncome, compulsoryAgeFrom, compulsoryAgeTo,
                basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }
}
