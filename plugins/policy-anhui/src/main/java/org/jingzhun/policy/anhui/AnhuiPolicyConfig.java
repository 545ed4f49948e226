package org.jingzhun.policy.anhui;

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
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.policy.HospitalLevel;
import org.jingzhun.spi.policy.OutputUnit;

/**
 * Parameters of the example Anhui pack (安徽省政策参数), validated by the host at start-up, with defaults from
 * REFERENCE §4. <b>[unconfirmed details]</b>: the "351" caps (3,000 / 5,000 / 10,000 yuan for county / prefecture /
 * provincial hospitals; township treated as county), the "180" 80% chronic outpatient share, the Yulu amount (3,000
 * yuan a year in two instalments of 1,500) and every output award rate and cap (illustrative values).
 *
 * @param scopePrefix           division-code prefix the pack applies to ({@code 34} = Anhui)
 * @param outOfPocketCaps       yearly out-of-pocket cap per patient by the highest hospital level visited
 * @param chronicOutpatientShare share of chronic outpatient cost left after reimbursement that is paid ("180")
 * @param loanMaxPrincipal      largest subsidised microloan principal (50,000)
 * @param loanOneYearRate       benchmark rate subsidised for terms up to 12 months (4.35% in 2016)
 * @param loanThreeYearRate     benchmark rate subsidised for longer terms up to three years (4.75% in 2016)
 * @param loanSubsidyShare      share of the interest subsidised (1.00 = full)
 * @param borrowerMinAge        youngest eligible borrower
 * @param borrowerMaxAge        oldest eligible borrower
 * @param yuluPerSemester       Yulu plan amount per semester (one instalment)
 * @param yuluLevels            student levels the Yulu plan covers
 * @param outputAwards          award per unit of output, by product key
 * @param outputAwardHouseholdCap cap on all output awards of a household in a year
 */
public record AnhuiPolicyConfig(
        @NotNull @Pattern(regexp = "\\d{2,12}") String scopePrefix,
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        @NotEmpty Map<@NotNull HospitalLevel, @NotNull @DecimalMin("0") BigDecimal> outOfPocketCaps,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal chronicOutpatientShare,
        @NotNull @DecimalMin("0") BigDecimal loanMaxPrincipal,
        @NotNull @DecimalMin("0") @DecimalMax("0.5") BigDecimal loanOneYearRate,
        @NotNull @DecimalMin("0") @DecimalMax("0.5") BigDecimal loanThreeYearRate,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal loanSubsidyShare,
        @Min(0) @Max(120) int borrowerMinAge,
        @Min(0) @Max(120) int borrowerMaxAge,
        @NotNull @DecimalMin("0") BigDecimal yuluPerSemester,
        @NotEmpty Set<@NotNull StudentStatus> yuluLevels,
        @NotNull Map<@NotNull String, @Valid @NotNull OutputAward> outputAwards,
        @NotNull @DecimalMin("0") BigDecimal outputAwardHouseholdCap) {

    /** Award for one product: amount per unit, capped per household. */
    public record OutputAward(@NotNull OutputUnit unit, @NotNull @DecimalMin("0") BigDecimal perUnit,
            @NotNull @DecimalMin("0") BigDecimal cap) {
    }

    public AnhuiPolicyConfig {
        outOfPocketCaps = outOfPocketCaps == null ? Map.of() : Map.copyOf(outOfPocketCaps);
        yuluLevels = yuluLevels == null ? Set.of() : Set.copyOf(yuluLevels);
        outputAwards = outputAwards == null ? Map.of() : Map.copyOf(outputAwards);
    }

    /** The same parameters in force from another day (e.g. a county whose microcredit scheme started in 2015). */
    public AnhuiPolicyConfig withEffectiveFrom(LocalDate from) {
        return new AnhuiPolicyConfig(scopePrefix, from, effectiveUntil, outOfPocketCaps, chronicOutpatientShare,
                loanMaxPrincipal, loanOneYearRate, loanThreeYearRate, loanSubsidyShare, borrowerMinAge, borrowerMaxAge,
                yuluPerSemester, yuluLevels, outputAwards, outputAwardHouseholdCap);
    }

    public static AnhuiPolicyConfig defaults() {
        Map<HospitalLevel, BigDecimal> caps = new EnumMap<>(HospitalLevel.class);
        caps.put(HospitalLevel.TOWNSHIP, new BigDecimal("3000"));
        caps.put(HospitalLevel.COUNTY, new BigDecimal("3000"));
        caps.put(HospitalLevel.PREFECTURE, new BigDecimal("5000"));
        caps.put(HospitalLevel.PROVINCIAL, new BigDecimal("10000"));
        return new AnhuiPolicyConfig("34", LocalDate.of(2016, 1, 1), null, caps, new BigDecimal("0.80"),
                new BigDecimal("50000"), new BigDecimal("0.0435"), new BigDecimal("0.0475"), new BigDecimal("1.00"), 18, 65,
                new BigDecimal("1500"), Set.of(StudentStatus.SECONDARY_VOCATIONAL, StudentStatus.HIGHER_VOCATIONAL),
                Map.of("tea", new OutputAward(OutputUnit.MU, new BigDecimal("500"), new BigDecimal("3000")),
                        "pig", new OutputAward(OutputUnit.HEAD, new BigDecimal("200"), new BigDecimal("2000")),
                        "cattle", new OutputAward(OutputUnit.HEAD, new BigDecimal("1000"), new BigDecimal("3000"))),
                new BigDecimal("5000"));
    }
}
