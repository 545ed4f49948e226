package org.jingzhun.core.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingzhun.spi.error.Violation;
import org.jingzhun.spi.exchange.Column;
import org.jingzhun.spi.exchange.LayoutRow;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.exchange.RowError;
import org.jingzhun.spi.exchange.SheetLayout;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IdentificationStandard;
import org.jingzhun.spi.household.IncomeItem;
import org.jingzhun.spi.household.IncomeStatement;
import org.jingzhun.spi.household.Insurance;
import org.jingzhun.spi.household.LabourAbility;
import org.jingzhun.spi.household.LandHolding;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.MigrantWork;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.PovertyStatus;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.household.StudentStatus;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;

/**
 * Maps the household and member sheets of a layout to the model and back, by the column keys {@link Layouts} shares
 * across layouts. On import, a household's values are laid over what is stored (an amend keeps fields the file leaves
 * blank), and every problem becomes a {@link RowError} on the row and column it came from.
 */
final class HouseholdRows {
    private HouseholdRows() {
    }

    /**
     * One household of the file: its household row and its member rows. Compared by identity: drafts key maps in
     * every chunk, and a record's equality would walk the rows and their whole layout each time.
     */
    static final class Draft {
        private final LayoutRow household;
        private final List<LayoutRow> members;

        Draft(LayoutRow household, List<LayoutRow> members) {
            this.household = household;
            this.members = List.copyOf(members);
        }

        LayoutRow household() {
            return household;
        }

        List<LayoutRow> members() {
            return members;
        }

        String number() {
            return household.get(Layouts.HOUSEHOLD_NUMBER);
        }

        /** The head's name as typed, if the member rows name a head. */
        String headName() {
            for (LayoutRow m : members) {
                if (m.get("relationship") == Relationship.HEAD) {
                    return m.get("name");
                }
            }
            return null;
        }

        /** The head's citizen ID as typed, if the member rows name one. */
        CitizenId headId() {
            for (LayoutRow m : members) {
                if (m.get("relationship") == Relationship.HEAD) {
                    String id = m.get("citizenId");
                    return id != null && CitizenId.isValid(id) ? CitizenId.parse(id) : null;
                }
            }
            return null;
        }
    }

    /** The household a draft describes, laid over {@code base} (the stored household, or {@code null}). */
    static Household household(Draft d, Household base, List<RowError> errors) {
        LayoutRow r = d.household();
        Household.Builder b = base == null ? Household.builder() : base.toBuilder();
        String region = r.get("region");
        if (region != null) {
            String full = region.length() == 6 || region.length() == 9 ? (region + "000000").substring(0, 12) : region;
            if (RegionCode.problem(full) != null) {
                errors.add(error(r, "region", region, "exchange.region_invalid"));
            } else {
                b.region(RegionCode.of(full));
            }
        }
        text(r, "villageGroup", b::villageGroup);
        text(r, "address", b::address);
        text(r, "phone", b::phone);
        if (r.values().containsKey("bankName") || r.values().containsKey("bankAccount")) {
            b.bank(or(r.get("bankName"), base == null ? null : base.bankName()),
                    or(r.get("bankAccount"), base == null ? null : base.bankAccount()));
        }
        IdentificationStandard standard = r.get("standard");
        if (standard != null) {
            b.standard(standard);
        }
        HouseholdType type = r.get("type");
        if (type != null) {
            b.type(type);
        }
        PovertyCause main = r.get("mainCause");
        if (main != null) {
            b.mainCause(main);
        }
        List<PovertyCause> others = r.get("otherCauses");
        if (others != null) {
            b.otherCauses(others);
        }
        List<HouseholdFlag> flags = r.get("flags");
        if (flags != null) {
            b.flags(new LinkedHashSet<>(flags));
        }
        PovertyStatus status = r.get("status");
        if (status != null) {
            b.status(status);
        }
        Long year = r.get("identifiedYear");
        if (year != null) {
            b.identifiedYear(year > 9999 || year < 0 ? -1 : year.intValue());
        }
        if (has(r, "housingArea", "housingStructure", "housingBuildYear", "housingSafety")) {
            Housing old = base == null ? null : base.housing();
            Long built = r.get("housingBuildYear");
            b.housing(new Housing(or(r.get("housingArea"), old == null ? null : old.area()),
                    or(r.<HousingStructure>get("housingStructure"), old == null ? null : old.structure()),
                    built != null ? Integer.valueOf(built > 9999 || built < 0 ? -1 : built.intValue())
                            : old == null ? null : old.buildYear(),
                    or(r.<HousingSafety>get("housingSafety"), old == null ? null : old.safety())));
        }
        Boolean water = r.get("safeDrinkingWater");
        if (water != null) {
            b.safeDrinkingWater(water);
        }
        Boolean power = r.get("electricity");
        if (power != null) {
            b.electricity(power);
        }
        if (has(r, "arable", "irrigated", "forest")) {
            LandHolding old = base == null || base.land() == null ? LandHolding.none() : base.land();
            b.land(new LandHolding(or(r.get("arable"), old.arable()), or(r.get("irrigated"), old.irrigated()),
                    or(r.get("forest"), old.forest())));
        }
        if (has(r, "mutualAidMember", "mutualAidContribution")) {
            Boolean member = r.get("mutualAidMember");
            b.mutualAid(member != null ? member : base != null && base.mutualAidMember(),
                    or(r.get("mutualAidContribution"), base == null ? null : base.mutualAidContribution()));
        }
        List<Member> members = new ArrayList<>();
        for (LayoutRow m : d.members()) {
            Member member = member(m, errors);
            if (member != null) {
                members.add(member);
            }
        }
        b.members(members);
        return b.build();
    }

    private static Member member(LayoutRow m, List<RowError> errors) {
        String raw = m.get("citizenId");
        CitizenId id = null;
        if (raw != null) {
            String normalised = raw.strip().toUpperCase(java.util.Locale.ROOT);
            if (normalised.length() != 18 && normalised.length() != 15) {
                errors.add(error(m, "citizenId", raw, "exchange.id_length", normalised.length()));
                return null;
            }
            if (normalised.length() == 15 || CitizenId.problem(normalised) == null) {
                try {
                    id = CitizenId.parse(normalised);
                } catch (IllegalArgumentException e) {
                    id = null;
                }
            }
            if (id == null) {
                boolean digits = normalised.substring(0, 17).chars().allMatch(Character::isDigit);
                String expected = digits ? String.valueOf(CitizenId.checkCharacter(normalised.substring(0, 17))) : "";
                boolean onlyCheck = digits && normalised.length() == 18 && expected.charAt(0) != normalised.charAt(17)
                        && CitizenId.problem(normalised.substring(0, 17) + expected) == null;
                errors.add(onlyCheck ? error(m, "citizenId", raw, "exchange.id_check", expected)
                        : error(m, "citizenId", raw, "exchange.id_invalid"));
                return null;
            }
        }
        String ethnicity = m.get("ethnicity");
        if (ethnicity != null) {
            ethnicity = ethnicity.equals("汉") || ethnicity.equals("汉族") ? "01"
                    : ethnicity.matches("\\d") ? "0" + ethnicity : ethnicity;
        }
        Long months = m.get("monthsWorked");
        List<Insurance> insurances = m.get("insurances");
        Boolean soldier = m.get("servingSoldier");
        return new Member(m.get("name"), id, m.<Relationship>get("relationship"), ethnicity,
                m.<Education>get("education"), or(m.<StudentStatus>get("studentStatus"), StudentStatus.NOT_STUDENT),
                m.<HealthStatus>get("health"), m.<LabourAbility>get("labourAbility"),
                or(m.<MigrantWork>get("migrantWork"), MigrantWork.NONE),
                months == null ? 0 : months > 99 || months < -99 ? -1 : months.intValue(),
                insurances == null ? Set.of() : Set.copyOf(insurances), soldier != null && soldier);
    }

    /** This year's income statement of the household row, when the layout and the row carry one. */
    static IncomeStatement income(Draft d, String householdId, int size, long version) {
        LayoutRow r = d.household();
        Long year = r.get("incomeYear");
        if (year == null) {
            return null;
        }
        Map<IncomeItem, BigDecimal> items = new EnumMap<>(IncomeItem.class);
        for (IncomeItem item : IncomeItem.values()) {
            BigDecimal v = r.get(Layouts.INCOME_PREFIX + item.name());
            if (v != null) {
                items.put(item, v);
            }
        }
        BigDecimal costs = r.get("productionCosts");
        return new IncomeStatement(householdId, year > 9999 || year < 0 ? -1 : year.intValue(), items,
                costs == null ? BigDecimal.ZERO : costs, Math.max(1, size), version);
    }

    /**
     * The row error a registry violation becomes: {@code members[i].x} goes to the i-th member row, column x;
     * {@code housing.area} to column housingArea; anything else to the household row, column by key.
     */
    static RowError fromViolation(Draft d, Violation v) {
        String field = v.field();
        LayoutRow row = d.household();
        String key = field;
        if (field.startsWith("members[")) {
            int close = field.indexOf(']');
            int index = Integer.parseInt(field.substring("members[".length(), close));
            if (index < d.members().size()) {
                row = d.members().get(index);
            }
            key = close + 2 <= field.length() ? field.substring(Math.min(field.length(), close + 2)) : "";
        } else if (field.startsWith("housing.")) {
            String rest = field.substring("housing.".length());
            key = "housing" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        } else if (field.startsWith("land.")) {
            key = field.substring("land.".length());
        } else if (field.startsWith("items[")) {
            key = Layouts.INCOME_PREFIX + field.substring("items[".length(), field.indexOf(']'));
        } else if (field.equals("year")) {
            key = "incomeYear";
        } else if (field.equals("id")) {
            key = Layouts.HOUSEHOLD_NUMBER;
        }
        int bracket = key.indexOf('[');
        if (bracket > 0) {
            key = key.substring(0, bracket);
        }
        Column column = column(row.sheet(), key);
        String header = column == null ? "" : column.header();
        Object value = column == null ? null : row.values().get(column.key());
        String shown = value == null ? "" : column.sensitivity().mask(String.valueOf(value));
        return new RowError(row.sheet().name(), row.rowNumber(), header, shown, v.code(), v.messageZh(),
                v.messageEn());
    }

    private static Column column(SheetLayout sheet, String key) {
        return sheet.columns().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** An error about a row's column, its value masked as the column requires. */
    static RowError error(LayoutRow row, String key, String raw, String code, Object... args) {
        Column c = column(row.sheet(), key);
        return RowError.of(row.sheet().name(), row.rowNumber(), c == null ? "" : c.header(),
                c == null ? "" : c.sensitivity().mask(raw), code, args);
    }

    // ---- export ----

    /** The household sheet's values of a household (and of its income statement, when given). */
    static Map<String, Object> householdValues(Household h, IncomeStatement income) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(Layouts.HOUSEHOLD_NUMBER, h.id());
        v.put("region", h.region() == null ? null : h.region().value());
        v.put("villageGroup", h.villageGroup());
        v.put("address", h.address());
        v.put("phone", h.phone());
        v.put("bankName", h.bankName());
        v.put("bankAccount", h.bankAccount());
        v.put("standard", h.standard());
        v.put("type", h.type());
        v.put("mainCause", h.mainCause());
        v.put("otherCauses", h.otherCauses().isEmpty() ? null : h.otherCauses());
        v.put("flags", h.flags().isEmpty() ? null : h.flags().stream().sorted().toList());
        v.put("status", h.status());
        v.put("identifiedYear", (long) h.identifiedYear());
        if (h.housing() != null) {
            v.put("housingArea", h.housing().area());
            v.put("housingStructure", h.housing().structure());
            v.put("housingBuildYear", h.housing().buildYear() == null ? null : (long) h.housing().buildYear());
            v.put("housingSafety", h.housing().safety());
        }
        v.put("safeDrinkingWater", h.safeDrinkingWater());
        v.put("electricity", h.electricity());
        if (h.land() != null) {
            v.put("arable", h.land().arable());
            v.put("irrigated", h.land().irrigated());
            v.put("forest", h.land().forest());
        }
        v.put("mutualAidMember", h.mutualAidMember());
        v.put("mutualAidContribution", h.mutualAidContribution());
        if (income != null) {
            v.put("incomeYear", (long) income.year());
            income.items().forEach((item, amount) -> v.put(Layouts.INCOME_PREFIX + item.name(), amount));
            v.put("productionCosts", income.productionCosts());
        }
        return v;
    }

    /** The member sheet's values of a member. */
    static Map<String, Object> memberValues(Household h, Member m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(Layouts.HOUSEHOLD_NUMBER, h.id());
        v.put("name", m.name());
        v.put("citizenId", m.citizenId() == null ? null : m.citizenId().value());
        v.put("relationship", m.relationship());
        v.put("ethnicity", m.ethnicity());
        v.put("education", m.education());
        v.put("studentStatus", m.studentStatus());
        v.put("health", m.health());
        v.put("labourAbility", m.labourAbility());
        v.put("migrantWork", m.migrantWork());
        v.put("monthsWorked", (long) m.monthsWorked());
        v.put("insurances", m.insurances().isEmpty() ? null : m.insurances().stream().sorted().toList());
        v.put("servingSoldier", m.servingSoldier());
        return v;
    }

    private static boolean has(LayoutRow r, String... keys) {
        for (String k : keys) {
            if (r.values().containsKey(k)) {
                return true;
            }
        }
        return false;
    }

    private static void text(LayoutRow r, String key, java.util.function.Consumer<String> setter) {
        String v = r.get(key);
        if (v != null) {
            setter.accept(v);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
