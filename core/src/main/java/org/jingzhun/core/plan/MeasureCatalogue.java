package org.jingzhun.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.plan.MeasureSuggestions;
import org.jingzhun.spi.plan.MeasureType;
import org.jingzhun.spi.plan.NeedGap;
import org.jingzhun.spi.policy.SchoolAge;
import org.jingzhun.spi.region.RegionCode;

/**
 * The catalogue of assistance measures (帮扶措施目录): every {@link MeasureType} with a default funding source and a
 * draft description, and the mapping from poverty cause (and basic-needs gap) to the measure types suggested for it
 * (因户施策). The built-in cause mapping can be overridden per region by plugins' {@link MeasureSuggestions}: for a
 * household, the contributed mapping with the most specific scope containing its village is used, and a cause that
 * mapping does not list falls back to the built-in default. Immutable and thread-safe.
 */
public final class MeasureCatalogue {
    private static final Map<PovertyCause, List<MeasureType>> DEFAULT = defaults();
    private static final Map<NeedGap, List<MeasureType>> GAPS = gaps();

    private final List<MeasureSuggestions> contributed;
    private final BiFunction<RegionCode, LocalDate, SchoolAge> schoolAge;

    /** A catalogue with the built-in defaults plus the given regional overrides, school age 6–15 everywhere. */
    public MeasureCatalogue(List<MeasureSuggestions> contributed) {
        this(contributed, (region, date) -> SchoolAge.defaults());
    }

    /**
     * A catalogue with the built-in defaults plus the given regional overrides, whose drafts find out-of-school
     * children with the school age in force ({@code PolicyEngine::schoolAge}), the same definition the packs use.
     */
    public MeasureCatalogue(List<MeasureSuggestions> contributed,
            BiFunction<RegionCode, LocalDate, SchoolAge> schoolAge) {
        this.schoolAge = Objects.requireNonNull(schoolAge, "schoolAge");
        List<MeasureSuggestions> sorted = new ArrayList<>(contributed);
        // Most specific scope first; equal scopes keep registration order.
        sorted.sort(Comparator.comparingInt((MeasureSuggestions s) -> s.scope().prefix().length()).reversed());
        this.contributed = List.copyOf(sorted);
    }

    /** The ages of compulsory education in force for {@code region} on {@code date}. */
    public SchoolAge schoolAge(RegionCode region, LocalDate date) {
        return schoolAge.apply(region, date);
    }

    /** Every measure type in code order. */
    public List<MeasureType> types() {
        return List.of(MeasureType.values());
    }

    /** The built-in cause mapping (before any regional override). */
    public static List<MeasureType> defaultFor(PovertyCause cause) {
        return DEFAULT.get(cause);
    }

    /** The regional mapping in force for a village, if a plugin contributed one whose scope contains it. */
    public Optional<MeasureSuggestions> mappingFor(RegionCode region) {
        return contributed.stream().filter(s -> s.scope().contains(region)).findFirst();
    }

    /** Measure types suggested for a cause of a household living in {@code region}, most important first. */
    public List<MeasureType> suggest(RegionCode region, PovertyCause cause) {
        Optional<MeasureSuggestions> mapping = mappingFor(region);
        if (mapping.isPresent()) {
            List<MeasureType> override = mapping.get().byCause().get(cause);
            if (override != null && !override.isEmpty()) {
                return List.copyOf(override);
            }
        }
        return DEFAULT.get(cause);
    }

    /** Measure types suggested for a basic-needs gap (none for the income gap: the causes answer it). */
    public List<MeasureType> suggest(NeedGap gap) {
        return GAPS.get(gap);
    }

    /** Suggestions for several causes and gaps, in order and without repeats. */
    public List<MeasureType> suggest(RegionCode region, List<PovertyCause> causes, List<NeedGap> gaps) {
        LinkedHashSet<MeasureType> out = new LinkedHashSet<>();
        causes.forEach(c -> out.addAll(suggest(region, c)));
        gaps.forEach(g -> out.addAll(suggest(g)));
        return List.copyOf(out);
    }

    /** Where a measure of this type is usually paid from. */
    public FundSourceKind defaultFunding(MeasureType type) {
        return switch (type) {
            case MICROCREDIT -> FundSourceKind.CREDIT;
            case HEALTH, EDUCATION, SOCIAL_SECURITY, HOUSING_RENOVATION, RELOCATION, ECOLOGICAL_JOBS ->
                    FundSourceKind.INTEGRATED_SECTOR;
            case INDUSTRY, EMPLOYMENT, SKILLS_TRAINING, ASSET_INCOME, INFRASTRUCTURE -> FundSourceKind.COUNTY_FISCAL;
        };
    }

    /** A draft description people replace with the concrete action. */
    public String draftDescription(MeasureType type) {
        return switch (type) {
            case INDUSTRY -> "扶持发展种养业等增收产业项目(以奖代补)";
            case EMPLOYMENT -> "推荐务工就业或就近就业";
            case SKILLS_TRAINING -> "参加实用技术或劳动技能免费培训";
            case EDUCATION -> "落实教育资助(含雨露计划)，保障义务教育";
            case HEALTH -> "落实基本医保、大病保险和医疗救助，签约家庭医生";
            case HOUSING_RENOVATION -> "实施危房改造，保障住房安全";
            case RELOCATION -> "实施易地扶贫搬迁";
            case MICROCREDIT -> "申请扶贫小额信贷(财政贴息)发展生产";
            case SOCIAL_SECURITY -> "纳入低保、五保或特困供养等社会保障兜底";
            case ECOLOGICAL_JOBS -> "安排生态护林员等公益岗位";
            case ASSET_INCOME -> "参与资产收益扶贫，获得分红";
            case INFRASTRUCTURE -> "改善饮水、用电、道路等基础设施";
        };
    }

    private static Map<PovertyCause, List<MeasureType>> defaults() {
        EnumMap<PovertyCause, List<MeasureType>> m = new EnumMap<>(PovertyCause.class);
        m.put(PovertyCause.ILLNESS, List.of(MeasureType.HEALTH, MeasureType.SOCIAL_SECURITY));
        m.put(PovertyCause.DISABILITY, List.of(MeasureType.SOCIAL_SECURITY, MeasureType.ASSET_INCOME));
        m.put(PovertyCause.SCHOOLING, List.of(MeasureType.EDUCATION));
        m.put(PovertyCause.DISASTER, List.of(MeasureType.HOUSING_RENOVATION, MeasureType.INDUSTRY));
        m.put(PovertyCause.LACK_OF_LAND, List.of(MeasureType.EMPLOYMENT, MeasureType.ASSET_INCOME));
        m.put(PovertyCause.LACK_OF_WATER, List.of(MeasureType.INFRASTRUCTURE));
        m.put(PovertyCause.LACK_OF_SKILLS, List.of(MeasureType.SKILLS_TRAINING, MeasureType.EMPLOYMENT));
        m.put(PovertyCause.LACK_OF_LABOUR, List.of(MeasureType.ASSET_INCOME, MeasureType.SOCIAL_SECURITY));
        m.put(PovertyCause.LACK_OF_CAPITAL, List.of(MeasureType.MICROCREDIT, MeasureType.INDUSTRY));
        m.put(PovertyCause.POOR_TRANSPORT, List.of(MeasureType.INFRASTRUCTURE, MeasureType.RELOCATION));
        m.put(PovertyCause.LACK_OF_MOTIVATION, List.of(MeasureType.SKILLS_TRAINING, MeasureType.ECOLOGICAL_JOBS));
        m.put(PovertyCause.MARRIAGE, List.of(MeasureType.EMPLOYMENT));
        m.put(PovertyCause.OTHER, List.of(MeasureType.INDUSTRY));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<NeedGap, List<MeasureType>> gaps() {
        EnumMap<NeedGap, List<MeasureType>> m = new EnumMap<>(NeedGap.class);
        m.put(NeedGap.INCOME, List.of());
        m.put(NeedGap.HOUSING, List.of(MeasureType.HOUSING_RENOVATION));
        m.put(NeedGap.DRINKING_WATER, List.of(MeasureType.INFRASTRUCTURE));
        m.put(NeedGap.ELECTRICITY, List.of(MeasureType.INFRASTRUCTURE));
        m.put(NeedGap.COMPULSORY_EDUCATION, List.of(MeasureType.EDUCATION));
        m.put(NeedGap.MEDICAL_INSURANCE, List.of(MeasureType.HEALTH));
        return java.util.Collections.unmodifiableMap(m);
    }
}
