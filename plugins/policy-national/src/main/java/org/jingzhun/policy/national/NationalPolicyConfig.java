package org.jingzhun.policy.national;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.policy.ExclusionFactor;
import org.jingzhun.spi.policy.SchoolAge;

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
 * <p><b>Provincial and municipal lines.</b> A household identified under a provincial or municipal standard
 * (省定、市定标准) is tested against the line configured in {@code localLines} under its province's 2-digit or its
 * prefecture's 4-digit division code; none is configured by default, and a household whose standard has no
 * configured line is tested against the national line, which its explanation says.
 *
 * <p><b>Western provinces.</b> The 3% incidence threshold applies by default in the 12 western provinces (西部十二省区):
 * Inner Mongolia 15, Guangxi 45, Chongqing 50, Sichuan 51, Guizhou 52, Yunnan 53, Tibet 54, Shaanxi 61, Gansu 62,
 * Qinghai 63, Ningxia 64, Xinjiang 65.
 *
 * @param lines                 per-capita net income line by year
 * @param confirmedLineYears    years whose line is confirmed from a primary source
 * @param localLines            provincial (2-digit prefix) or municipal (4-digit prefix) lines by year
 * @param monitoringMultiple    monitoring flags households under this multiple of the line [unconfirmed: 1.5, Anhui 2020]
 * @param incidenceThresholdPercent village/county exit: incidence must be below this (2%)
 * @param higherThresholdPercent    the threshold used in {@code higherThresholdPrefixes} (3%, western provinces)
 * @param higherThresholdPrefixes   division-code prefixes where the higher threshold applies (the western provinces)
 * @param villageCriteria       the indicators a village must meet besides incidence to exit
 * @param exitCountedIncome     income items counted for a stable exit (default: all but one-off/policy payments)
 * @param schoolAge             ages of compulsory education (义务教育) checked by basic needs; also the engine's
 * @param basicNeedsGapQualifies whether an unmet basic need alone makes a household eligible (default false)
 * @param exclusionFactors      circumstances that exclude a household from registration
 * @param effectiveFrom         first day the pack is in force
 */
public record NationalPolicyConfig(
        @NotEmpty Map<@NotNull @Min(2000) @Max(2100) Integer, @NotNull @DecimalMin("1") BigDecimal> lines,
        @NotNull Set<@NotNull Integer> confirmedLineYears,
        @NotNull Map<@NotNull @Pattern(regexp = "\\d{2}|\\d{4}") String,
                @NotEmpty Map<@NotNull @Min(2000) @Max(2100) Integer, @NotNull @DecimalMin("1") BigDecimal>> localLines,
        @NotNull @DecimalMin("1.0") @DecimalMax("5.0") BigDecimal monitoringMultiple,
        @NotNull @DecimalMin("0.01") @DecimalMax("50") BigDecimal incidenceThresholdPercent,
        @NotNull @DecimalMin("0.01") @DecimalMax("50") BigDecimal higherThresholdPercent,
        @NotNull Set<@NotNull String> higherThresholdPrefixes,
        @NotNull @Valid VillageCriteria villageCriteria,
        @NotEmpty Set<@NotNull IncomeItem> exitCountedIncome,
        @NotNull @Valid SchoolAge schoolAge,
        boolean basicNeedsGapQualifies,
        @NotNull Set<@NotNull ExclusionFactor> exclusionFactors,
        @NotNull LocalDate effectiveFrom) {

    /** Division-code prefixes of the 12 western provinces (西部十二省区), where the 3% incidence threshold applies. */
    public static final Set<String> WESTERN_PROVINCES = Set.of("15", "45", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65");

    public NationalPolicyConfig {
        lines = Map.copyOf(lines);
        confirmedLineYears = Set.copyOf(confirmedLineYears);
        Map<String, Map<Integer, BigDecimal>> local = new TreeMap<>();
        localLines.forEach((k, v) -> local.put(k, Map.copyOf(v)));
        localLines = Map.copyOf(local);
        higherThresholdPrefixes = Set.copyOf(higherThresholdPrefixes);
        exitCountedIncome = Set.copyOf(exitCountedIncome);
        exclusionFactors = Set.copyOf(exclusionFactors);
    }

    /**
     * The indicators a poor village must meet, besides incidence, to leave the list (贫困村出列指标). They vary by
     * province (REFERENCE §3); the defaults follow common provincial practice <b>[unconfirmed]</b>: collective income
     * of at least 50,000 yuan a year, a hardened road to the village, safe drinking water, a standard clinic and
     * broadband all required. A village applying without recorded indicators does not meet them.
     *
     * @param minCollectiveIncome least yearly collective-economy income (村集体经济收入), yuan; {@code null}: not required
     * @param hardenedRoad        whether a hardened road (通硬化路) is required
     * @param safeDrinkingWater   whether safe drinking water (安全饮水) is required
     * @param clinic              whether a standard village clinic (标准化卫生室) is required
     * @param broadband           whether broadband (通宽带) is required
     */
    public record VillageCriteria(@DecimalMin("0") BigDecimal minCollectiveIncome, boolean hardenedRoad,
            boolean safeDrinkingWater, boolean clinic, boolean broadband) {

        /** 50,000 yuan collective income, road, water, clinic and broadband required [unconfirmed]. */
        public static VillageCriteria defaults() {
            return new VillageCriteria(new BigDecimal("50000.00"), true, true, true, true);
        }
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
        return new NationalPolicyConfig(lines, Set.of(2010, 2015), Map.of(), new BigDecimal("1.5"),
                new BigDecimal("2.00"), new BigDecimal("3.00"), WESTERN_PROVINCES, VillageCriteria.defaults(), counted,
                SchoolAge.defaults(), false,
                EnumSet.of(ExclusionFactor.VEHICLE, ExclusionFactor.COMMERCIAL_HOUSING, ExclusionFactor.BUSINESS,
                        ExclusionFactor.PUBLIC_EMPLOYEE), LocalDate.of(2014, 1, 1));
    }

    /** A copy with the line of {@code year} replaced (e.g. a confirmed 2016 value); marks it confirmed. */
    public NationalPolicyConfig withLine(int year, BigDecimal line, boolean confirmed) {
        Map<Integer, BigDecimal> l = new TreeMap<>(lines);
        l.put(year, line);
        Set<Integer> c = new HashSet<>(confirmedLineYears);
        if (confirmed) {
            c.add(year);
        } else {
            c.remove(year);
        }
        return new NationalPolicyConfig(l, c, localLines, monitoringMultiple, incidenceThresholdPercent,
                higherThresholdPercent, higherThresholdPrefixes, villageCriteria, exitCountedIncome, schoolAge,
                basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }

    /**
     * A copy with a provincial ({@code prefix} of 2 digits) or municipal (4 digits) line for {@code year}, used for
     * households identified under that standard.
     */
    public NationalPolicyConfig withLocalLine(String prefix, int year, BigDecimal line) {
        Map<String, Map<Integer, BigDecimal>> all = new TreeMap<>(localLines);
        Map<Integer, BigDecimal> l = new TreeMap<>(all.getOrDefault(prefix, Map.of()));
        l.put(year, line);
        all.put(prefix, l);
        return new NationalPolicyConfig(lines, confirmedLineYears, all, monitoringMultiple, incidenceThresholdPercent,
                higherThresholdPercent, higherThresholdPrefixes, villageCriteria, exitCountedIncome, schoolAge,
                basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }

    /** A copy where the higher incidence threshold applies under the given division-code prefixes instead. */
    public NationalPolicyConfig withHigherThresholdPrefixes(Set<String> prefixes) {
        return new NationalPolicyConfig(lines, confirmedLineYears, localLines, monitoringMultiple,
                incidenceThresholdPercent, higherThresholdPercent, prefixes, villageCriteria, exitCountedIncome,
                schoolAge, basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }

    /** A copy with other village exit indicators. */
    public NationalPolicyConfig withVillageCriteria(VillageCriteria criteria) {
        return new NationalPolicyConfig(lines, confirmedLineYears, localLines, monitoringMultiple,
                incidenceThresholdPercent, higherThresholdPercent, higherThresholdPrefixes, criteria,
                exitCountedIncome, schoolAge, basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }

    /** A copy with other ages of compulsory education. */
    public NationalPolicyConfig withSchoolAge(SchoolAge ages) {
        return new NationalPolicyConfig(lines, confirmedLineYears, localLines, monitoringMultiple,
                incidenceThresholdPercent, higherThresholdPercent, higherThresholdPrefixes, villageCriteria,
                exitCountedIncome, ages, basicNeedsGapQualifies, exclusionFactors, effectiveFrom);
    }
}
