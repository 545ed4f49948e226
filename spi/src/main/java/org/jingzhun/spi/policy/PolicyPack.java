package org.jingzhun.spi.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jingzhun.spi.region.RegionCode;

/**
 * A set of policy rules for a region and a period (政策包), contributed by a plugin. Each rule kind is optional: the
 * engine takes each kind from the most specific pack in force that provides it and falls back to broader packs for
 * the others, so a provincial pack may add benefits and stricter village exit criteria while the national pack
 * still decides eligibility. Two packs with the same scope and overlapping periods may both be in force as long as
 * they never provide the same rule kind or benefit policy id; a narrower pack that replaces a broader pack's benefit
 * must name it in {@link #overrides()}. The host refuses anything else at start-up.
 */
public interface PolicyPack {
    /** Stable name, e.g. {@code national}, {@code anhui}; appears in every explanation. */
    String name();

    /** The division-code prefix the pack applies to. */
    RegionScope regionScope();

    /** When the pack is in force. */
    EffectivePeriod effectivePeriod();

    /** The typed configuration the pack was built with, validated by the host at start-up; {@code null} if none. */
    default Object config() {
        return null;
    }

    default Optional<EligibilityRule> eligibility() {
        return Optional.empty();
    }

    default Optional<ExclusionRule> exclusion() {
        return Optional.empty();
    }

    default Optional<HouseholdExitRule> householdExit() {
        return Optional.empty();
    }

    default Optional<AreaExitRule> areaExit() {
        return Optional.empty();
    }

    default Optional<MonitoringRule> monitoring() {
        return Optional.empty();
    }

    /** The interest subsidy of poverty microloans (贷款贴息); the funds ledger and the benefit card both ask it. */
    default Optional<InterestSubsidyRule> interestSubsidy() {
        return Optional.empty();
    }

    /**
     * Benefit policy ids of broader packs this pack deliberately replaces inside its narrower scope (声明覆盖). A
     * narrower pack providing a policy id a broader pack in force also provides is refused unless it is listed here.
     */
    default java.util.Set<String> overrides() {
        return java.util.Set.of();
    }

    /**
     * The procedures' notice periods and deadlines (程序时限) for the pack's region, or empty to leave them to a
     * broader pack (core falls back to {@link ProcedureTerms#defaults()}).
     */
    default Optional<ProcedureTerms> procedureTerms() {
        return Optional.empty();
    }

    /**
     * The ages of compulsory education (义务教育年龄) for the pack's region, or empty to leave them to a broader pack
     * (core falls back to {@link SchoolAge#defaults()}).
     */
    default Optional<SchoolAge> schoolAge() {
        return Optional.empty();
    }

    /** Benefit rules, each with a policy id unique within the pack. */
    default List<BenefitRule> benefits() {
        return List.of();
    }

    /** Whether the pack applies to {@code region} on {@code date}. */
    default boolean appliesTo(RegionCode region, LocalDate date) {
        return regionScope().covers(region) && effectivePeriod().contains(date);
    }

    /** Whether the pack provides a rule of {@code kind}. */
    default boolean provides(RuleKind kind) {
        return switch (kind) {
            case ELIGIBILITY -> eligibility().isPresent();
            case EXCLUSION -> exclusion().isPresent();
            case HOUSEHOLD_EXIT -> householdExit().isPresent();
            case AREA_EXIT -> areaExit().isPresent();
            case MONITORING -> monitoring().isPresent();
            case BENEFIT -> !benefits().isEmpty();
            case INTEREST_SUBSIDY -> interestSubsidy().isPresent();
        };
    }
}
