package org.jingzhun.quality.national;

import static org.jingzhun.spi.quality.QualityParameter.decimal;
import static org.jingzhun.spi.quality.QualityParameter.integer;
import static org.jingzhun.spi.quality.QualityRules.rule;
import static org.jingzhun.spi.quality.RecordKind.HOUSEHOLD;
import static org.jingzhun.spi.quality.RecordKind.INCOME;
import static org.jingzhun.spi.quality.RecordKind.MEMBER;
import static org.jingzhun.spi.quality.RecordKind.MONITORING;
import static org.jingzhun.spi.quality.RecordKind.PAIRING;
import static org.jingzhun.spi.quality.Severity.ERROR;
import static org.jingzhun.spi.quality.Severity.INFO;
import static org.jingzhun.spi.quality.Severity.WARNING;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.quality.MonitoringFact;
import org.jingzhun.spi.quality.PairingFact;
import org.jingzhun.spi.quality.QualityFacts;
import org.jingzhun.spi.quality.QualityParameter;
import org.jingzhun.spi.quality.QualityRule;
import org.jingzhun.spi.quality.Sensitivity;
import org.jingzhun.spi.quality.SetIndex;

/**
 * The rules and parameters of the national data-quality pack (全国通用数据质量规则), the consistency checks county
 * offices run over the national system's records before inspections (REFERENCE §6). Codes: {@code HH} household
 * card, {@code MB} members, {@code IN} income, {@code MN} monitoring, {@code PR} cadre pairing. Thresholds marked
 * [unconfirmed] are local practice, kept as parameters for a county to set.
 */
final class NationalQualityRules {
    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[2-9]\\d{6,7}");
    private static final Set<LabourAbility> ABLE = EnumSet.of(LabourAbility.ORDINARY, LabourAbility.SKILLED);
    private static final Set<Relationship> CHILDREN = EnumSet.of(Relationship.SON, Relationship.DAUGHTER);
    private static final Set<Relationship> GRANDCHILDREN = EnumSet.of(Relationship.GRANDSON,
            Relationship.GRANDDAUGHTER, Relationship.GREAT_GRANDCHILD);
    private static final Set<Relationship> PARENTS = EnumSet.of(Relationship.FATHER, Relationship.MOTHER);
    private static final Set<HouseholdType> LOW_ALLOWANCE_TYPES = EnumSet.of(HouseholdType.LOW_ALLOWANCE,
            HouseholdType.LOW_ALLOWANCE_POOR);
    /** The usual age range of each schooling stage, before the slack parameter widens it. */
    private static final Map<StudentStatus, int[]> STAGE_AGES = Map.of(
            StudentStatus.PRE_SCHOOL, new int[] {3, 6},
            StudentStatus.PRIMARY, new int[] {6, 12},
            StudentStatus.GRADE_7_9, new int[] {12, 15},
            StudentStatus.SENIOR, new int[] {15, 18},
            StudentStatus.SECONDARY_VOCATIONAL, new int[] {15, 18},
            StudentStatus.HIGHER_VOCATIONAL, new int[] {18, 21},
            StudentStatus.COLLEGE, new int[] {18, 28});

    static final SetIndex CITIZEN_IDS = new SetIndex("citizen-id",
            h -> h.status().active() ? h.members().stream().map(m -> m.citizenId().value()).toList() : List.of());
    static final SetIndex PHONES = new SetIndex("phone",
            h -> h.status().active() && h.phone() != null ? List.of(digits(h.phone())) : List.of());

    private NationalQualityRules() {
    }

    static List<QualityParameter> parameters() {
        return List.of(
                integer("schoolAgeFrom", 6, 3, 10, "义务教育起始年龄(9月1日足岁)",
                        "first age of compulsory schooling, in full years on 1 September"),
                integer("schoolAgeTo", 15, 10, 20, "义务教育截止年龄(9月1日足岁)",
                        "last age of compulsory schooling, in full years on 1 September"),
                integer("labourAgeMin", 16, 10, 20, "劳动年龄下限", "youngest age counted as labour"),
                integer("retirementAge", 60, 45, 80, "超过此年龄登记为普通劳动力需核实〔待核实〕",
                        "age from which ordinary labour is questioned [unconfirmed]"),
                integer("maxLabourAge", 75, 55, 100, "超过此年龄不应登记为劳动力〔待核实〕",
                        "age from which no one is listed as labour [unconfirmed]"),
                integer("headMinAge", 16, 14, 20, "户主最低年龄", "youngest household head"),
                integer("maxAge", 110, 90, 130, "年龄上限(疑似出生日期错误)", "oldest plausible age"),
                integer("soldierMinAge", 17, 16, 20, "现役军人最低年龄", "youngest serving soldier"),
                integer("pensionAge", 60, 45, 70, "领取养老金年龄", "age pensions are paid from"),
                integer("minParentGap", 15, 10, 25, "父母与子女最小年龄差", "smallest age gap parent to child"),
                integer("minGrandparentGap", 30, 20, 50, "祖辈与孙辈最小年龄差",
                        "smallest age gap grandparent to grandchild"),
                integer("maxSpouseGap", 30, 10, 60, "夫妻年龄差上限", "largest age gap between spouses"),
                integer("studentAgeSlack", 2, 0, 10, "在校生年龄与学段的容差(岁)",
                        "years a student may be outside the usual ages of the stage"),
                integer("firstIdentificationYear", 2014, 2000, 2030, "最早识别年度(建档立卡起始)",
                        "first identification year (the 2014 registration)"),
                integer("maxHouseholdSize", 10, 4, 30, "家庭人口数超过此值需核实", "household size to check above"),
                integer("maxHouseholdsPerPhone", 3, 1, 50, "同一联系电话的最多户数",
                        "most households sharing one phone"),
                integer("maxLabourersForLackOfLabour", 1, 0, 10, "因缺劳力致贫户的劳动力人数上限",
                        "most labourers a household poor for lack of labour may have"),
                integer("bankMinDigits", 16, 8, 30, "银行账号最少位数", "fewest digits of a bank account"),
                integer("bankMaxDigits", 19, 8, 30, "银行账号最多位数", "most digits of a bank account"),
                integer("minMonitoringMonths", 6, 1, 36, "识别后至少监测月数方可消除风险",
                        "months of monitoring before a risk may be cleared"),
                integer("maxMonitoringMonths", 36, 6, 120, "监测超过此月数未消除风险需核实",
                        "months of monitoring after which an uncleared risk is noted"),
                decimal("povertyLine", "4000.00", "1000", "100000", "脱贫标准(元/人/年)〔待核实：2020年约4000元〕",
                        "poverty line, yuan per person and year [unconfirmed: about 4,000 in 2020]"),
                decimal("monitoringLine", "6000.00", "1000", "100000", "监测收入线(元/人/年,各省每年公布)〔待核实〕",
                        "monitoring income line, yuan per person and year, set yearly by each province [unconfirmed]"),
                decimal("maxPoorPerCapitaIncome", "12000.00", "1000", "1000000", "未脱贫户人均纯收入合理上限",
                        "highest plausible per-capita net income of a poor household"));
    }

    static List<QualityRule> rules() {
        List<QualityRule> r = new ArrayList<>();
        household(r);
        members(r);
        income(r);
        monitoring(r);
        pairing(r);
        return List.copyOf(r);
    }

    // ------------------------------------------------------------------ household card (户信息)

    private static void household(List<QualityRule> r) {
        r.add(rule("HH01", WARNING, HOUSEHOLD).message("村民小组为空", "village group is blank")
                .fix("填写户籍所在村民小组", "enter the household's village group")
                .household("villageGroup", Household::villageGroup, (f, p) -> blank(f.household().villageGroup())));
        r.add(rule("HH02", WARNING, HOUSEHOLD).message("联系电话为空", "phone is blank")
                .fix("填写户主或家庭成员的联系电话", "enter a phone number of the head or a member")
                .household("phone", Household::phone, (f, p) -> blank(f.household().phone())));
        r.add(rule("HH03", ERROR, HOUSEHOLD).quotes(Sensitivity.PHONE)
                .message("联系电话{value}格式不正确,应为11位手机号或带区号的固定电话",
                        "phone {value} is neither an 11-digit mobile number nor a landline with area code")
                .fix("核实并改正联系电话", "check and correct the phone number")
                .household("phone", Household::phone, (f, p) -> !blank(f.household().phone())
                        && !validPhone(f.household().phone())));
        r.add(rule("HH04", WARNING, HOUSEHOLD).message("银行账号为空,补贴无法发放", "bank account is blank; "
                + "subsidies cannot be paid").fix("填写户主本人的一卡通账号", "enter the head's own bank account")
                .household("bankAccount", Household::bankAccount, (f, p) -> blank(f.household().bankAccount())));
        r.add(rule("HH05", ERROR, HOUSEHOLD).quotes(Sensitivity.BANK_ACCOUNT).uses("bankMinDigits", "bankMaxDigits")
                .message("银行账号{value}位数不在{bankMinDigits}至{bankMaxDigits}位之间",
                        "bank account {value} does not have {bankMinDigits} to {bankMaxDigits} digits")
                .fix("对照存折或银行卡核实账号", "check the account against the passbook or card")
                .household("bankAccount", Household::bankAccount, (f, p) -> {
                    String a = f.household().bankAccount();
                    return !blank(a) && (a.length() < p.integer("bankMinDigits")
                            || a.length() > p.integer("bankMaxDigits"));
                }));
        r.add(rule("HH06", WARNING, HOUSEHOLD).message("填写了银行账号但开户银行为空",
                "a bank account is given but the bank name is blank").fix("填写开户银行", "enter the bank name")
                .household("bankName", Household::bankName, (f, p) -> !blank(f.household().bankAccount())
                        && blank(f.household().bankName())));
        r.add(rule("HH07", ERROR, HOUSEHOLD).uses("firstIdentificationYear")
                .message("识别年度{value}早于建档立卡起始年度{firstIdentificationYear}",
                        "identification year {value} is before {firstIdentificationYear}, when registration began")
                .fix("核实识别年度", "check the identification year")
                .household("identifiedYear", Household::identifiedYear,
                        (f, p) -> f.household().identifiedYear() < p.integer("firstIdentificationYear")));
        r.add(rule("HH08", ERROR, HOUSEHOLD).message("识别年度{value}晚于核查年度", "identification year {value} "
                + "is after the year checked").fix("核实识别年度", "check the identification year")
                .household("identifiedYear", Household::identifiedYear,
                        (f, p) -> f.household().identifiedYear() > f.year()));
        r.add(rule("HH09", ERROR, HOUSEHOLD).message("本户没有户主", "the household has no head")
                .fix("指定一名成员为户主", "make one member the head")
                .household("members", h -> null, (f, p) -> count(f, Relationship.HEAD) == 0));
        r.add(rule("HH10", ERROR, HOUSEHOLD).message("本户有多名户主", "the household has more than one head")
                .fix("只保留一名户主,其余改为与户主的实际关系", "keep one head and give the others their relationship")
                .household("members", h -> null, (f, p) -> count(f, Relationship.HEAD) > 1));
        r.add(rule("HH11", ERROR, MEMBER).uses("headMinAge")
                .message("户主{name}未满{headMinAge}周岁", "head {name} is under {headMinAge}")
                .fix("核实户主身份证号,或由成年成员任户主", "check the head's ID, or make an adult the head")
                .member("relationship", Member::relationship, (f, m, p) -> m.relationship() == Relationship.HEAD
                        && f.age(m) < p.integer("headMinAge")));
        r.add(rule("HH12", ERROR, HOUSEHOLD).message("本户登记了多名配偶", "more than one spouse is recorded")
                .fix("核实成员与户主关系", "check each member's relationship to the head")
                .household("members", h -> null, (f, p) -> count(f, Relationship.SPOUSE) > 1));
        r.add(rule("HH13", ERROR, MEMBER).message("配偶{name}与户主性别相同", "spouse {name} has the head's sex")
                .fix("核实配偶身份证号或与户主关系", "check the spouse's ID or relationship")
                .member("relationship", Member::relationship, (f, m, p) -> m.relationship() == Relationship.SPOUSE
                        && f.household().head().map(h -> h.sex() == m.sex()).orElse(false)));
        r.add(rule("HH14", WARNING, HOUSEHOLD).message("住房情况未填写,无法判断住房安全保障",
                "housing is not recorded, so safe housing cannot be assessed")
                .fix("入户核实并填写住房面积、结构和安全等级", "visit and record area, structure and safety rating")
                .household("housing", h -> null, (f, p) -> f.household().housing() == null));
        r.add(rule("HH15", ERROR, HOUSEHOLD).message("已脱贫户住房安全等级为{value},住房安全未保障",
                "an exited household's housing is rated {value}: safe housing is not guaranteed")
                .fix("核实住房安全鉴定,落实危房改造后再脱贫", "check the rating; renovate before exit")
                .household("housing.safety", h -> h.housing().safety(), (f, p) -> exited(f)
                        && f.household().housing() != null && !f.household().housing().safe()));
        r.add(rule("HH16", ERROR, HOUSEHOLD).message("已脱贫户饮水安全未保障", "an exited household has no safe "
                + "drinking water").fix("落实安全饮水或核实饮水情况", "provide safe water or check the record")
                .household("safeDrinkingWater", Household::safeDrinkingWater,
                        (f, p) -> exited(f) && !f.household().safeDrinkingWater()));
        r.add(rule("HH17", WARNING, HOUSEHOLD).message("主要致贫原因为因病,但无成员患长期慢性病或大病",
                "main cause is illness but no member is chronically or seriously ill")
                .fix("核实成员健康状况或致贫原因", "check members' health or the cause")
                .household("mainCause", Household::mainCause, (f, p) -> f.household().mainCause()
                        == PovertyCause.ILLNESS && none(f, m -> m.health() == HealthStatus.CHRONIC_ILLNESS
                        || m.health() == HealthStatus.SERIOUS_ILLNESS)));
        r.add(rule("HH18", WARNING, HOUSEHOLD).message("主要致贫原因为因残,但无残疾成员",
                "main cause is disability but no member is disabled")
                .fix("核实成员健康状况或致贫原因", "check members' health or the cause")
                .household("mainCause", Household::mainCause, (f, p) -> f.household().mainCause()
                        == PovertyCause.DISABILITY && none(f, m -> m.health() == HealthStatus.DISABLED)));
        r.add(rule("HH19", WARNING, HOUSEHOLD).message("主要致贫原因为因学,但无在校生",
                "main cause is schooling but no member is a student")
                .fix("核实在校生状况或致贫原因", "check student status or the cause")
                .household("mainCause", Household::mainCause, (f, p) -> f.household().mainCause()
                        == PovertyCause.SCHOOLING && none(f, m -> m.studentStatus() != StudentStatus.NOT_STUDENT)));
        r.add(rule("HH20", WARNING, HOUSEHOLD).uses("maxLabourersForLackOfLabour")
                .message("主要致贫原因为缺劳力,但有多于{maxLabourersForLackOfLabour}名劳动力",
                        "main cause is lack of labour but more than {maxLabourersForLackOfLabour} members can work")
                .fix("核实劳动能力或致贫原因", "check labour ability or the cause")
                .household("mainCause", Household::mainCause, (f, p) -> f.household().mainCause()
                        == PovertyCause.LACK_OF_LABOUR && f.household().members().stream()
                        .filter(m -> ABLE.contains(m.labourAbility())).count()
                        > p.integer("maxLabourersForLackOfLabour")));
        r.add(rule("HH21", INFO, HOUSEHOLD).uses("maxHouseholdSize")
                .message("家庭人口{value}人,超过{maxHouseholdSize}人", "{value} members, more than {maxHouseholdSize}")
                .fix("核实是否应分户", "check whether the household should be split")
                .household("members", Household::size, (f, p) -> f.household().size() > p.integer("maxHouseholdSize")));
        r.add(rule("HH22", WARNING, HOUSEHOLD).quotes(Sensitivity.PHONE).index(PHONES)
                .uses("maxHouseholdsPerPhone")
                .message("联系电话{value}被{holders}户共用,超过{maxHouseholdsPerPhone}户",
                        "phone {value} is shared by {holders} households, more than {maxHouseholdsPerPhone}")
                .fix("核实各户本人联系电话", "enter each household's own phone")
                .check((f, p, out) -> {
                    if (f.household().phone() == null) {
                        return;
                    }
                    int holders = f.index().holders(PHONES.name(), digits(f.household().phone())).size();
                    if (holders > p.integer("maxHouseholdsPerPhone")) {
                        out.household("phone", f.household().phone(), Map.of("holders", holders));
                    }
                }));
        r.add(rule("HH23", WARNING, MONITORING).message("户类型为监测对象,但无监测记录",
                "listed as a monitored (non-poor) household but has no monitoring record")
                .fix("补录监测对象识别信息或改正户状态", "record the monitoring or correct the status")
                .household("status", Household::status, (f, p) -> f.household().status() == PovertyStatus.NON_POOR
                        && f.monitoring().isEmpty()));
        r.add(rule("HH24", WARNING, HOUSEHOLD).message("标为双女户,但子女不是两个女儿",
                "flagged two-daughter household but the children are not two daughters")
                .fix("核实子女情况或户标识", "check the children or the flag")
                .household("flags", h -> HouseholdFlag.TWO_DAUGHTERS, (f, p) -> f.household().flags()
                        .contains(HouseholdFlag.TWO_DAUGHTERS) && (count(f, Relationship.SON) > 0
                        || count(f, Relationship.DAUGHTER) != 2)));
        r.add(rule("HH25", WARNING, HOUSEHOLD).message("标为独生子女户,但有多名子女",
                "flagged one-child household but has more than one child")
                .fix("核实子女情况或户标识", "check the children or the flag")
                .household("flags", h -> HouseholdFlag.ONE_CHILD, (f, p) -> f.household().flags()
                        .contains(HouseholdFlag.ONE_CHILD) && count(f, Relationship.SON)
                        + count(f, Relationship.DAUGHTER) > 1));
        r.add(rule("HH26", WARNING, HOUSEHOLD).message("互助资金入社情况与入股金额不一致",
                "mutual-aid membership and contribution disagree")
                .fix("核实是否加入互助资金及入股金额", "check membership and contribution")
                .household("mutualAidContribution", Household::mutualAidContribution, (f, p) -> {
                    BigDecimal c = f.household().mutualAidContribution();
                    boolean paid = c != null && c.signum() > 0;
                    return f.household().mutualAidMember() != paid;
                }));
        r.add(rule("HH27", ERROR, HOUSEHOLD).message("有效灌溉面积大于耕地面积",
                "irrigated area exceeds arable area").fix("核实土地面积", "check the land areas")
                .household("land.irrigated", h -> h.land().irrigated(), (f, p) -> f.household().land() != null
                        && f.household().land().irrigated().compareTo(f.household().land().arable()) > 0));
        r.add(rule("HH28", INFO, HOUSEHOLD).message("详细住址为空", "address is blank")
                .fix("填写详细住址", "enter the address")
                .household("address", h -> null, (f, p) -> blank(f.household().address())));
        r.add(rule("HH29", WARNING, MEMBER).uses("labourAgeMin", "retirementAge")
                .message("五保户成员{name}为劳动年龄内的劳动力", "five-guarantees household member {name} is of "
                        + "working age and able to work")
                .fix("核实五保户认定或成员劳动能力", "check the five-guarantees status or labour ability")
                .member("labourAbility", Member::labourAbility, (f, m, p) -> f.household().type()
                        == HouseholdType.FIVE_GUARANTEES && ABLE.contains(m.labourAbility())
                        && f.age(m) >= p.integer("labourAgeMin") && f.age(m) < p.integer("retirementAge")));
    }

    // ------------------------------------------------------------------ members (家庭成员)

    private static void members(List<QualityRule> r) {
        r.add(rule("MB01", ERROR, MEMBER).quotes(Sensitivity.CITIZEN_ID)
                .message("身份证号{value}在本户中重复", "citizen ID {value} appears twice in the household")
                .fix("删除重复成员或改正身份证号", "remove the duplicate or correct the ID")
                .check((f, p, out) -> {
                    Set<String> seen = new HashSet<>();
                    List<Member> ms = f.household().members();
                    for (int i = 0; i < ms.size(); i++) {
                        if (!seen.add(ms.get(i).citizenId().value())) {
                            out.member(i, ms.get(i), "citizenId", ms.get(i).citizenId().value(), null);
                        }
                    }
                }));
        r.add(rule("MB02", ERROR, MEMBER).quotes(Sensitivity.CITIZEN_ID).index(CITIZEN_IDS)
                .message("身份证号{value}同时登记在{others}户", "citizen ID {value} is also registered in {others}")
                .fix("核实该人户籍,从错误的户中删除", "check where the person lives and remove them from the other")
                .check((f, p, out) -> {
                    List<Member> ms = f.household().members();
                    for (int i = 0; i < ms.size(); i++) {
                        String id = ms.get(i).citizenId().value();
                        List<String> others = f.index().holders(CITIZEN_IDS.name(), id).stream()
                                .filter(h -> !h.equals(f.household().id())).toList();
                        if (!others.isEmpty()) {
                            out.member(i, ms.get(i), "citizenId", id, Map.of("others", String.join(",", others)));
                        }
                    }
                }));
        r.add(rule("MB03", ERROR, MEMBER).uses("labourAgeMin")
                .message("{name}未满{labourAgeMin}周岁,却登记为{value}", "{name} is under {labourAgeMin} but listed "
                        + "as {value}").fix("改为无劳动力或核实出生日期", "set labour ability to none or check the birth date")
                .member("labourAbility", Member::labourAbility, (f, m, p) -> ABLE.contains(m.labourAbility())
                        && f.age(m) < p.integer("labourAgeMin")));
        r.add(rule("MB04", WARNING, MEMBER).uses("retirementAge", "maxLabourAge")
                .message("{name}已满{retirementAge}周岁,登记为{value}", "{name} is {retirementAge} or older and listed "
                        + "as {value}").fix("入户核实劳动能力", "check the member's ability to work")
                .member("labourAbility", Member::labourAbility, (f, m, p) -> ABLE.contains(m.labourAbility())
                        && f.age(m) >= p.integer("retirementAge") && f.age(m) < p.integer("maxLabourAge")));
        r.add(rule("MB05", ERROR, MEMBER).uses("maxLabourAge")
                .message("{name}已满{maxLabourAge}周岁,不应登记为{value}", "{name} is {maxLabourAge} or older and "
                        + "cannot be {value}").fix("改为丧失劳动力或无劳动力", "set labour ability to lost or none")
                .member("labourAbility", Member::labourAbility, (f, m, p) -> ABLE.contains(m.labourAbility())
                        && f.age(m) >= p.integer("maxLabourAge")));
        r.add(rule("MB06", ERROR, MEMBER).uses("schoolAgeFrom", "schoolAgeTo")
                .message("{name}为义务教育适龄({schoolAgeFrom}至{schoolAgeTo}周岁)但登记为{value}",
                        "{name} is of compulsory school age ({schoolAgeFrom} to {schoolAgeTo}) but recorded as {value}")
                .fix("核实就学情况,失学辍学的落实控辍保学", "check schooling; return drop-outs to school")
                .member("studentStatus", Member::studentStatus, (f, m, p) -> schoolAge(f, m, p)
                        && (m.studentStatus() == StudentStatus.NOT_STUDENT
                        || m.studentStatus() == StudentStatus.PRE_SCHOOL && f.schoolAge(m) > p.integer("schoolAgeFrom"))));
        r.add(rule("MB07", WARNING, MEMBER).uses("studentAgeSlack")
                .message("{name}的在校生状况{value}与年龄不符", "{name}'s schooling stage {value} does not fit the age")
                .fix("核实在校生状况或出生日期", "check the schooling stage or the birth date")
                .member("studentStatus", Member::studentStatus, (f, m, p) -> {
                    int[] range = STAGE_AGES.get(m.studentStatus());
                    if (range == null) {
                        return false;
                    }
                    int age = f.schoolAge(m);
                    int slack = p.integer("studentAgeSlack");
                    return age < range[0] - slack || age > range[1] + slack;
                }));
        r.add(rule("MB08", ERROR, MEMBER).uses("schoolAgeTo")
                .message("{name}已超过{schoolAgeTo}周岁,文化程度仍为学龄前", "{name} is past {schoolAgeTo} but "
                        + "education is pre-school").fix("改正文化程度", "correct the education")
                .member("education", Member::education, (f, m, p) -> m.education() == Education.PRE_SCHOOL
                        && f.schoolAge(m) > p.integer("schoolAgeTo")));
        r.add(rule("MB09", ERROR, MEMBER).message("{name}未满17周岁,文化程度为大专及以上",
                "{name} is under 17 with a college education").fix("改正文化程度或出生日期", "correct the education")
                .member("education", Member::education, (f, m, p) -> m.education() == Education.COLLEGE
                        && f.age(m) < 17));
        r.add(rule("MB10", ERROR, MEMBER).message("{name}务工{value}个月,但务工状况为未外出务工",
                "{name} worked {value} months but is recorded as not working away")
                .fix("填写务工地点或把务工月数改为0", "enter where they work or set the months to 0")
                .member("monthsWorked", Member::monthsWorked, (f, m, p) -> m.monthsWorked() > 0
                        && m.migrantWork() == MigrantWork.NONE));
        r.add(rule("MB11", WARNING, MEMBER).message("{name}务工状况为{value},但务工月数为0",
                "{name} works away ({value}) but for 0 months").fix("填写务工月数", "enter the months worked")
                .member("migrantWork", Member::migrantWork, (f, m, p) -> m.monthsWorked() == 0
                        && m.migrantWork() != MigrantWork.NONE));
        r.add(rule("MB12", WARNING, MEMBER).uses("labourAgeMin").message("{name}登记为{value},却有外出务工",
                "{name} is listed as {value} yet works away")
                .fix("核实劳动能力或务工情况", "check labour ability or migrant work")
                .member("labourAbility", Member::labourAbility, (f, m, p) -> !ABLE.contains(m.labourAbility())
                        && m.monthsWorked() > 0 && f.age(m) >= p.integer("labourAgeMin")));
        r.add(rule("MB13", ERROR, MEMBER).message("{name}未参加城乡居民基本医疗保险",
                "{name} has no basic rural medical insurance")
                .fix("落实参保(贫困人口个人缴费财政补贴)", "enrol the member (premiums are subsidised)")
                .member("insurances", m -> null, (f, m, p) -> !m.insurances().contains(Insurance.RURAL_MEDICAL)));
        r.add(rule("MB14", WARNING, MEMBER).quotes(Sensitivity.HEALTH)
                .message("{name}健康状况为{value},未参加大病保险", "{name}'s health is {value} but has no "
                        + "serious-illness insurance").fix("落实大病保险", "enrol in serious-illness insurance")
                .member("insurances", Member::health, (f, m, p) -> m.health() == HealthStatus.SERIOUS_ILLNESS
                        && !m.insurances().contains(Insurance.SERIOUS_ILLNESS)));
        r.add(rule("MB15", WARNING, MEMBER).quotes(Sensitivity.HEALTH)
                .message("{name}健康状况为{value},劳动能力登记为技能劳动力",
                        "{name}'s health is {value} but is listed as skilled labour")
                .fix("核实残疾等级与劳动能力", "check the disability and labour ability")
                .member("labourAbility", Member::health, (f, m, p) -> m.health() == HealthStatus.DISABLED
                        && m.labourAbility() == LabourAbility.SKILLED));
        r.add(rule("MB16", ERROR, MEMBER).uses("minParentGap")
                .message("子女{name}与户主年龄差小于{minParentGap}岁", "child {name} is less than {minParentGap} "
                        + "years younger than the head").fix("核实与户主关系或出生日期", "check relationship or birth date")
                .member("relationship", Member::relationship, (f, m, p) -> CHILDREN.contains(m.relationship())
                        && gap(f, m) < p.integer("minParentGap")));
        r.add(rule("MB17", ERROR, MEMBER).uses("minParentGap")
                .message("父母{name}比户主年长不足{minParentGap}岁", "parent {name} is less than {minParentGap} years "
                        + "older than the head").fix("核实与户主关系或出生日期", "check relationship or birth date")
                .member("relationship", Member::relationship, (f, m, p) -> PARENTS.contains(m.relationship())
                        && -gap(f, m) < p.integer("minParentGap")));
        r.add(rule("MB18", WARNING, MEMBER).uses("minGrandparentGap")
                .message("孙辈{name}与户主年龄差小于{minGrandparentGap}岁", "grandchild {name} is less than "
                        + "{minGrandparentGap} years younger than the head")
                .fix("核实与户主关系或出生日期", "check relationship or birth date")
                .member("relationship", Member::relationship, (f, m, p) -> GRANDCHILDREN.contains(m.relationship())
                        && gap(f, m) < p.integer("minGrandparentGap")));
        r.add(rule("MB19", WARNING, MEMBER).uses("maxSpouseGap")
                .message("配偶{name}与户主年龄差超过{maxSpouseGap}岁", "spouse {name} and the head are more than "
                        + "{maxSpouseGap} years apart").fix("核实配偶出生日期", "check the spouse's birth date")
                .member("relationship", Member::relationship, (f, m, p) -> m.relationship() == Relationship.SPOUSE
                        && Math.abs(gap(f, m)) > p.integer("maxSpouseGap")));
        r.add(rule("MB20", WARNING, MEMBER).uses("maxAge")
                .message("{name}年龄超过{maxAge}岁,疑似出生日期错误", "{name} is over {maxAge}: the birth date may "
                        + "be wrong").fix("核实身份证号,已故的办理减员", "check the ID; remove the member if deceased")
                .member("citizenId", m -> null, (f, m, p) -> f.age(m) > p.integer("maxAge")));
        r.add(rule("MB21", ERROR, MEMBER).uses("soldierMinAge")
                .message("现役军人{name}未满{soldierMinAge}周岁", "serving soldier {name} is under {soldierMinAge}")
                .fix("核实现役军人标识或出生日期", "check the soldier flag or birth date")
                .member("servingSoldier", Member::servingSoldier, (f, m, p) -> m.servingSoldier()
                        && f.age(m) < p.integer("soldierMinAge")));
        r.add(rule("MB22", WARNING, MEMBER).message("现役军人{name}同时登记外出务工{value}个月",
                "serving soldier {name} is also recorded as working away for {value} months")
                .fix("核实现役军人标识或务工情况", "check the soldier flag or the migrant work")
                .member("monthsWorked", Member::monthsWorked, (f, m, p) -> m.servingSoldier() && m.monthsWorked() > 0));
        r.add(rule("MB23", INFO, MEMBER).quotes(Sensitivity.CITIZEN_ID)
                .message("{name}的身份证号{value}签发地不在本省", "{name}'s citizen ID {value} was issued outside the "
                        + "province").fix("核实是否外省迁入及户籍", "check whether the member moved in from elsewhere")
                .member("citizenId", m -> m.citizenId().value(), (f, m, p) -> !m.citizenId().isRedacted()
                        && !m.citizenId().value().startsWith(f.household().region().value().substring(0, 2))));
    }

    // ------------------------------------------------------------------ income (收入)

    private static void income(List<QualityRule> r) {
        r.add(rule("IN01", WARNING, INCOME).message("未脱贫户没有收入信息", "a poor household has no income statement")
                .fix("入户采集上年度家庭收入", "collect the household's income for the year")
                .household("income", h -> null, (f, p) -> f.household().status().poor() && f.income() == null));
        r.add(rule("IN02", ERROR, INCOME).message("家庭纯收入为负数({value}元)", "net income is negative ({value} yuan)")
                .fix("核实各项收入和生产经营性支出", "check the income items and production costs")
                .income("netIncome", s -> s.netIncome(), (f, s, p) -> s.netIncome().signum() < 0));
        r.add(rule("IN03", ERROR, INCOME).message("收入信息中的家庭人口数{value}与成员数{members}不一致",
                "household size {value} in the income statement differs from the {members} members")
                .fix("按实际成员数改正收入信息中的家庭人口数", "correct the household size of the statement")
                .check((f, p, out) -> {
                    if (f.income() != null && f.income().householdSize() != f.household().size()) {
                        out.report(INCOME, "income " + f.income().year(), null, "householdSize",
                                f.income().householdSize(), Map.of("members", f.household().size()));
                    }
                }));
        r.add(rule("IN04", WARNING, INCOME).uses("maxPoorPerCapitaIncome")
                .message("未脱贫户人均纯收入{value}元,高于{maxPoorPerCapitaIncome}元",
                        "a poor household's per-capita net income is {value} yuan, above {maxPoorPerCapitaIncome}")
                .fix("核实收入,确属错评的按程序清退", "check the income; remove a wrongly registered household")
                .income("perCapitaNetIncome", s -> s.perCapitaNetIncome(), (f, s, p) -> f.household().status().poor()
                        && s.perCapitaNetIncome().compareTo(p.decimal("maxPoorPerCapitaIncome")) > 0));
        r.add(rule("IN05", WARNING, INCOME).message("生产经营性支出{value}元大于生产经营性收入",
                "production costs of {value} yuan exceed production income")
                .fix("核实生产经营性收支", "check production income and costs")
                .income("productionCosts", s -> s.productionCosts(), (f, s, p) -> s.productionCosts()
                        .compareTo(s.amount(IncomeItem.PRODUCTION)) > 0));
        r.add(rule("IN06", WARNING, INCOME).message("最新收入信息为{value}年,未更新到核查年度",
                "the latest income statement is of {value}, not the year checked")
                .fix("采集核查年度的家庭收入", "collect the income of the year checked")
                .income("year", s -> s.year(), (f, s, p) -> s.year() < f.year()));
        r.add(rule("IN07", WARNING, INCOME).message("有工资性收入{value}元,但无劳动力且无人务工",
                "wages of {value} yuan but no member can work or works away")
                .fix("核实工资性收入来源", "check where the wages come from")
                .income("items.WAGES", s -> s.amount(IncomeItem.WAGES), (f, s, p) -> s.amount(IncomeItem.WAGES)
                        .signum() > 0 && none(f, m -> ABLE.contains(m.labourAbility()) || m.monthsWorked() > 0)));
        r.add(rule("IN08", WARNING, INCOME).message("有成员外出务工,但工资性收入为0",
                "members work away but wages are 0").fix("补录务工收入", "record the wages earned")
                .income("items.WAGES", s -> s.amount(IncomeItem.WAGES), (f, s, p) -> s.amount(IncomeItem.WAGES)
                        .signum() == 0 && !none(f, m -> m.monthsWorked() > 0)));
        r.add(rule("IN09", WARNING, INCOME).message("有低保金收入{value}元,但户属性不是低保户或低保贫困户",
                "low-allowance income of {value} yuan but the household type is not low-allowance")
                .fix("核实户属性或低保金", "check the household type or the payment")
                .income("items.LOW_ALLOWANCE", s -> s.amount(IncomeItem.LOW_ALLOWANCE), (f, s, p) ->
                        s.amount(IncomeItem.LOW_ALLOWANCE).signum() > 0
                        && !LOW_ALLOWANCE_TYPES.contains(f.household().type())));
        r.add(rule("IN10", WARNING, INCOME).message("户属性为低保户或低保贫困户,但无低保金收入",
                "the household is a low-allowance household but has no low-allowance income")
                .fix("补录低保金或核实户属性", "record the allowance or check the type")
                .income("items.LOW_ALLOWANCE", s -> null, (f, s, p) -> LOW_ALLOWANCE_TYPES.contains(f.household()
                        .type()) && s.amount(IncomeItem.LOW_ALLOWANCE).signum() == 0));
        r.add(rule("IN11", WARNING, INCOME).message("有五保/特困供养金{value}元,但户属性不是五保户",
                "five-guarantees payment of {value} yuan but the household is not five-guarantees")
                .fix("核实户属性或供养金", "check the type or the payment")
                .income("items.FIVE_GUARANTEES", s -> s.amount(IncomeItem.FIVE_GUARANTEES), (f, s, p) ->
                        s.amount(IncomeItem.FIVE_GUARANTEES).signum() > 0
                        && f.household().type() != HouseholdType.FIVE_GUARANTEES));
        r.add(rule("IN12", WARNING, INCOME).uses("pensionAge")
                .message("有养老金收入{value}元,但无成员满{pensionAge}周岁",
                        "pension income of {value} yuan but no member is {pensionAge} or older")
                .fix("核实养老金收入", "check the pension income")
                .income("items.PENSION", s -> s.amount(IncomeItem.PENSION), (f, s, p) -> s.amount(IncomeItem.PENSION)
                        .signum() > 0 && none(f, m -> f.age(m) >= p.integer("pensionAge"))));
        r.add(rule("IN13", WARNING, INCOME).message("有雨露计划补助{value}元,但无中高职在校生",
                "Yulu grant of {value} yuan but no member is in vocational education")
                .fix("核实雨露计划补助或在校生状况", "check the grant or schooling")
                .income("items.YULU_GRANT", s -> s.amount(IncomeItem.YULU_GRANT), (f, s, p) ->
                        s.amount(IncomeItem.YULU_GRANT).signum() > 0 && none(f, m -> m.studentStatus()
                        == StudentStatus.SECONDARY_VOCATIONAL || m.studentStatus() == StudentStatus.HIGHER_VOCATIONAL)));
        r.add(rule("IN14", ERROR, INCOME).uses("povertyLine")
                .message("已脱贫户人均纯收入{value}元,低于脱贫标准{povertyLine}元",
                        "an exited household's per-capita net income of {value} yuan is under the line of {povertyLine}")
                .fix("核实收入,达不到标准的纳入监测或返贫", "check the income; monitor the household or mark its return")
                .income("perCapitaNetIncome", s -> s.perCapitaNetIncome(), (f, s, p) -> exited(f)
                        && s.perCapitaNetIncome().compareTo(p.decimal("povertyLine")) < 0));
    }

    // ------------------------------------------------------------------ monitoring (监测对象)

    private static void monitoring(List<QualityRule> r) {
        r.add(rule("MN01", ERROR, MONITORING).uses("minMonitoringMonths")
                .message("识别为监测对象后不足{minMonitoringMonths}个月即消除风险({value})",
                        "risk cleared on {value}, less than {minMonitoringMonths} months after identification")
                .fix("核实风险消除时间,未满监测期的恢复监测", "check the date; resume monitoring if too early")
                .monitoring("clearedOn", MonitoringFact::clearedOn, (f, m, p) -> m.cleared()
                        && m.clearedOn().isBefore(m.identifiedOn().plusMonths(p.integer("minMonitoringMonths")))));
        r.add(rule("MN02", ERROR, MONITORING).uses("monitoringLine")
                .message("风险已消除,但人均纯收入{income}元仍低于监测线{monitoringLine}元",
                        "risk cleared while per-capita income of {income} yuan is still under the line of {monitoringLine}")
                .fix("恢复监测并落实帮扶措施", "resume monitoring and assistance")
                .check((f, p, out) -> {
                    if (f.income() == null) {
                        return;
                    }
                    BigDecimal pc = f.income().perCapitaNetIncome();
                    for (MonitoringFact m : f.monitoring()) {
                        if (m.cleared() && pc.compareTo(p.decimal("monitoringLine")) < 0) {
                            out.report(MONITORING, "monitoring " + m.id(), null, "clearedOn", m.clearedOn(),
                                    Map.of("income", pc.toPlainString()));
                        }
                    }
                }));
        r.add(rule("MN03", ERROR, PAIRING).message("监测对象未落实结对帮扶干部",
                "a monitored household has no paired cadre").fix("明确帮扶责任人", "pair a cadre with the household")
                .household("pairing", h -> null, (f, p) -> f.monitoring().stream().anyMatch(m -> !m.cleared())
                        && !f.paired()));
        r.add(rule("MN04", WARNING, MONITORING).message("户状态为{value},却同时是未消除风险的监测对象",
                "status {value} while also an uncleared monitored household")
                .fix("核实户状态:贫困户不应同时为监测对象", "check the status: a poor household is not monitored too")
                .household("status", Household::status, (f, p) -> f.household().status().poor()
                        && f.monitoring().stream().anyMatch(m -> !m.cleared())));
        r.add(rule("MN05", ERROR, MONITORING).message("风险消除日期{value}早于识别日期",
                "risk cleared on {value}, before the household was identified")
                .fix("改正识别或消除日期", "correct the dates")
                .monitoring("clearedOn", MonitoringFact::clearedOn, (f, m, p) -> m.cleared()
                        && m.clearedOn().isBefore(m.identifiedOn())));
        r.add(rule("MN06", INFO, MONITORING).uses("maxMonitoringMonths")
                .message("自{value}起监测已超过{maxMonitoringMonths}个月仍未消除风险",
                        "monitored since {value}, more than {maxMonitoringMonths} months, without clearance")
                .fix("评估帮扶成效,符合条件的消除风险", "review the assistance; clear the risk when it is met")
                .monitoring("identifiedOn", MonitoringFact::identifiedOn, (f, m, p) -> !m.cleared()
                        && m.identifiedOn().plusMonths(p.integer("maxMonitoringMonths")).isBefore(f.asOf())));
    }

    // ------------------------------------------------------------------ pairing (结对帮扶)

    private static void pairing(List<QualityRule> r) {
        r.add(rule("PR01", ERROR, PAIRING).message("贫困户(状态{value})没有结对帮扶干部",
                "a poor household (status {value}) has no paired cadre")
                .fix("落实干部包户", "pair a cadre with the household")
                .household("pairing", Household::status, (f, p) -> f.household().status().poor() && !f.paired()));
        r.add(rule("PR02", ERROR, PAIRING).message("结对结束日期早于开始日期({value})",
                "a pairing ends before it starts ({value})").fix("改正结对起止日期", "correct the pairing dates")
                .check((f, p, out) -> {
                    for (PairingFact pf : f.pairings()) {
                        if (pf.to() != null && pf.to().isBefore(pf.from())) {
                            out.report(PAIRING, "pairing " + pf.cadreId() + " " + pf.from(), null, "to", pf.to(), null);
                        }
                    }
                }));
        r.add(rule("PR03", WARNING, PAIRING).message("同时有多名在岗结对干部",
                "more than one cadre is paired at the same time").fix("结束多余的结对", "end the extra pairings")
                .household("pairing", h -> null, (f, p) -> f.pairings().stream().filter(x -> x.activeOn(f.asOf()))
                        .count() > 1));
        r.add(rule("PR04", WARNING, PAIRING).message("结对开始于{value},早于识别年度",
                "a pairing starts on {value}, before the household was identified")
                .fix("核实结对开始日期或识别年度", "check the pairing date or identification year")
                .check((f, p, out) -> {
                    for (PairingFact pf : f.pairings()) {
                        if (pf.from().getYear() < f.household().identifiedYear()) {
                            out.report(PAIRING, "pairing " + pf.cadreId() + " " + pf.from(), null, "from", pf.from(),
                                    null);
                        }
                    }
                }));
    }

    // ------------------------------------------------------------------ helpers

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String digits(String phone) {
        return phone.replaceAll("[\\s-]", "");
    }

    private static boolean validPhone(String phone) {
        String compact = phone.replaceAll("\\s", "");
        return MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches();
    }

    private static long count(QualityFacts f, Relationship rel) {
        return f.household().members().stream().filter(m -> m.relationship() == rel).count();
    }

    private static boolean none(QualityFacts f, java.util.function.Predicate<Member> p) {
        return f.household().members().stream().noneMatch(p);
    }

    private static boolean exited(QualityFacts f) {
        return f.household().status() == PovertyStatus.EXITED;
    }

    private static boolean schoolAge(QualityFacts f, Member m, org.jingzhun.spi.quality.QualityParameters p) {
        int age = f.schoolAge(m);
        return age >= p.integer("schoolAgeFrom") && age <= p.integer("schoolAgeTo");
    }

    /** Years the member is younger than the head (negative when older); 0 without a head. */
    private static int gap(QualityFacts f, Member m) {
        return f.household().head().map(h -> h.birthDate().until(m.birthDate()).getYears()).orElse(0);
    }
}
