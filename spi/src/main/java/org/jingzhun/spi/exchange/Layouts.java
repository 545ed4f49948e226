package org.jingzhun.spi.exchange;

import static org.jingzhun.spi.exchange.Column.coded;
import static org.jingzhun.spi.exchange.Column.optional;
import static org.jingzhun.spi.exchange.Column.required;
import static org.jingzhun.spi.exchange.ColumnType.BOOLEAN;
import static org.jingzhun.spi.exchange.ColumnType.DECIMAL;
import static org.jingzhun.spi.exchange.ColumnType.INTEGER;
import static org.jingzhun.spi.exchange.ColumnType.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IdentificationStandard;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.policy.MonitoringCategory;

/**
 * The layouts (表样) Jingzhun reads and writes, defined once as data: the library's full household + members + income
 * layout, the national system's household (户信息) and member (家庭成员) sheets with the card fields, the monitoring
 * object sheet (监测对象信息) and the public notice (公示). Column keys are shared across layouts, so the same code maps
 * any of them to the model; the household sheet's {@value #HOUSEHOLD_NUMBER} links member rows to their household.
 */
public final class Layouts {
    /** Key of the household number column (户编号), present on household and member sheets. */
    public static final String HOUSEHOLD_NUMBER = "householdNumber";
    /** Key prefix of the income item columns of the library layout: {@code income.<ITEM constant>}. */
    public static final String INCOME_PREFIX = "income.";

    private static final List<Column> CARD = List.of(
            required(HOUSEHOLD_NUMBER, "户编号", TEXT, "户号", "农户编号"),
            required("region", "行政区划代码", TEXT, "村代码", "所在村代码", "行政村代码", "村级区划代码"),
            optional("villageGroup", "村民小组", TEXT, "组", "所在组"),
            optional("address", "详细地址", TEXT, "家庭住址", "住址").personal(Sensitivity.ADDRESS),
            optional("phone", "联系电话", TEXT, "电话", "手机号码").personal(Sensitivity.PHONE),
            optional("bankName", "开户银行", TEXT, "开户行"),
            optional("bankAccount", "银行账号", TEXT, "银行卡号", "账号").personal(Sensitivity.BANK_ACCOUNT),
            coded("standard", "识别标准", false, false, IdentificationStandard.class, "识别标准类型"),
            coded("type", "贫困户属性", true, false, HouseholdType.class, "户类型", "贫困户类型"),
            coded("mainCause", "主要致贫原因", true, false, PovertyCause.class, "主致贫原因"),
            coded("otherCauses", "其他致贫原因", false, true, PovertyCause.class, "次要致贫原因"),
            coded("flags", "户标识", false, true, HouseholdFlag.class, "是否军烈属/独生子女户/双女户"),
            coded("status", "脱贫状态", false, false, PovertyStatus.class, "贫困户状态", "脱贫标志"),
            optional("identifiedYear", "识别年度", INTEGER, "识别年份", "纳入年度"),
            optional("housingArea", "住房面积(平方米)", DECIMAL, "住房面积"),
            coded("housingStructure", "住房结构", false, false, HousingStructure.class),
            optional("housingBuildYear", "建房年份", INTEGER, "建房时间"),
            coded("housingSafety", "住房安全等级", false, false, HousingSafety.class, "危房等级", "住房安全"),
            optional("safeDrinkingWater", "饮水安全", BOOLEAN, "是否饮水安全"),
            optional("electricity", "通生活用电", BOOLEAN, "是否通生活用电"),
            optional("arable", "耕地面积(亩)", DECIMAL, "耕地面积"),
            optional("irrigated", "有效灌溉面积(亩)", DECIMAL, "有效灌溉面积"),
            optional("forest", "林地面积(亩)", DECIMAL, "林地面积"),
            optional("mutualAidMember", "互助资金会员", BOOLEAN, "是否加入互助资金协会"),
            optional("mutualAidContribution", "互助资金入股(元)", DECIMAL, "互助资金入股金额"));

    private static final List<Column> MEMBER = List.of(
            required(HOUSEHOLD_NUMBER, "户编号", TEXT, "户号", "农户编号"),
            required("name", "姓名", TEXT, "成员姓名"),
            required("citizenId", "证件号码", TEXT, "身份证号", "身份证号码", "公民身份号码")
                    .personal(Sensitivity.CITIZEN_ID),
            coded("relationship", "与户主关系", true, false, Relationship.class),
            required("ethnicity", "民族", TEXT, "民族代码"),
            coded("education", "文化程度", true, false, Education.class),
            coded("studentStatus", "在校生状况", false, false, StudentStatus.class, "在校生情况"),
            coded("health", "健康状况", true, false, HealthStatus.class),
            coded("labourAbility", "劳动技能", true, false, LabourAbility.class, "劳动能力"),
            coded("migrantWork", "务工状况", false, false, MigrantWork.class, "务工情况"),
            optional("monthsWorked", "务工时间(月)", INTEGER, "务工时间"),
            coded("insurances", "参保情况", false, true, Insurance.class, "参加保险情况"),
            optional("servingSoldier", "是否现役军人", BOOLEAN, "现役军人"));

    /** The library's own layout: the full card, this year's income on the household row, and the members. */
    public static final Layout LIBRARY = new Layout("library", "精准扶贫农户信息(完整)", List.of(
            new SheetLayout("户信息", List.of("农户信息", "households"), concat(CARD, incomeColumns())),
            new SheetLayout("家庭成员", List.of("成员信息", "members"), MEMBER)));

    /** The national poverty-alleviation system's export: household sheet 户信息 and member sheet 家庭成员. */
    public static final Layout NATIONAL = new Layout("national", "全国扶贫开发信息系统 户信息/家庭成员", List.of(
            new SheetLayout("户信息", List.of("贫困户信息", "户基本信息"), CARD),
            new SheetLayout("家庭成员", List.of("家庭成员信息", "成员信息"), MEMBER)));

    /** The monitoring object sheet (监测对象信息) of the relapse-prevention system. */
    public static final Layout MONITORING = new Layout("monitoring", "防返贫监测对象信息", List.of(
            new SheetLayout("监测对象信息", List.of("监测对象"), List.of(
                    required(HOUSEHOLD_NUMBER, "户编号", TEXT, "户号"),
                    required("headName", "户主姓名", TEXT),
                    required("headCitizenId", "户主证件号码", TEXT, "户主身份证号", "户主身份证号码")
                            .personal(Sensitivity.CITIZEN_ID),
                    required("region", "行政区划代码", TEXT, "村代码"),
                    coded("category", "监测对象类别", true, false, MonitoringCategory.class, "监测类型"),
                    coded("risks", "主要风险", false, true, PovertyCause.class, "风险类型", "致贫风险"),
                    optional("size", "家庭人口数", INTEGER, "人口数"),
                    optional("perCapitaIncome", "人均纯收入(元)", DECIMAL, "家庭年人均纯收入"),
                    optional("flaggedOn", "纳入监测时间", TEXT, "识别时间"),
                    optional("riskCleared", "风险是否消除", BOOLEAN, "是否消除风险")))));

    /**
     * The public notice (公示): name, village, category and reason only, never an ID, phone, bank account or health
     * detail (REFERENCE §6).
     */
    public static final Layout PUBLIC_NOTICE = new Layout("public-notice", "公示名单", List.of(
            new SheetLayout("公示", List.of(
                    required("headName", "户主姓名", TEXT, "姓名"),
                    required("village", "所在村", TEXT, "村"),
                    coded("category", "类别", true, false, HouseholdType.class, "贫困户属性"),
                    coded("reason", "理由", true, false, PovertyCause.class, "主要致贫原因")))));

    private static final Map<String, Layout> BY_NAME = Stream.of(LIBRARY, NATIONAL, MONITORING, PUBLIC_NOTICE)
            .collect(Collectors.toUnmodifiableMap(Layout::name, Function.identity()));

    private Layouts() {
    }

    /** Every layout by its name ({@code library}, {@code national}, {@code monitoring}, {@code public-notice}). */
    public static Map<String, Layout> all() {
        return BY_NAME;
    }

    private static List<Column> incomeColumns() {
        List<Column> out = new ArrayList<>();
        out.add(optional("incomeYear", "收入年度", INTEGER, "年度"));
        for (IncomeItem item : IncomeItem.values()) {
            out.add(optional(INCOME_PREFIX + item.name(), item.label() + "(元)", DECIMAL, item.label()));
        }
        out.add(optional("productionCosts", "生产经营性支出(元)", DECIMAL, "生产经营性支出"));
        return out;
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
