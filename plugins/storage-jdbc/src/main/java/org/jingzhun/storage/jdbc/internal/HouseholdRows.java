package org.jingzhun.storage.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jingzhun.spi.household.Education;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.HouseholdFlag;
import org.jingzhun.spi.household.HouseholdType;
import org.jingzhun.spi.household.Housing;
import org.jingzhun.spi.household.HousingSafety;
import org.jingzhun.spi.household.HousingStructure;
import org.jingzhun.spi.household.IdentificationStandard;
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
 * How a household maps to its rows: one row in {@code households} (housing and land flattened into nullable columns,
 * the two further causes into two columns, each flag into a boolean column) and one row per member in
 * {@code members}, numbered by {@code seq} in list order (each insurance a boolean column). Enumerations are stored as
 * their card codes. The exhaustive switches make adding a flag or an insurance without a column a compile error.
 */
final class HouseholdRows {
    /**
     * A member row: the member with the key of its household, its position, and whether the household is active
     * (then the row's {@code active_citizen_id}, unique across the table, holds the citizen ID).
     */
    record MemberRow(String countyCode, String householdId, int seq, Member member, boolean active) {
    }

    /** The members column, and its unique index, that keep a citizen ID active in at most one household. */
    static final String ACTIVE_CITIZEN_ID = "active_citizen_id";
    static final String ACTIVE_CITIZEN_INDEX = "ux_members_active_citizen";
    static final List<Column<Household>> HOUSEHOLD_COLUMNS = householdColumns();
    static final List<Column<MemberRow>> MEMBER_COLUMNS = memberColumns();

    static final String INSERT_HOUSEHOLD = Column.insert("households", HOUSEHOLD_COLUMNS);
    static final String INSERT_MEMBER = Column.insert("members", MEMBER_COLUMNS);
    /** Columns an update binds from the household: all but the version, which the guard binds. */
    static final List<Column<Household>> UPDATE_COLUMNS = HOUSEHOLD_COLUMNS.stream()
            .filter(c -> !c.name().equals("version")).toList();
    static final String UPDATE_HOUSEHOLD = update("version + 1");
    /** An update storing the version bound as {@code new_version}. */
    static final String UPDATE_HOUSEHOLD_TO_VERSION = update(":new_version");
    static final String SELECT_HOUSEHOLD = "SELECT " + Column.names(HOUSEHOLD_COLUMNS) + " FROM households";
    static final String SELECT_MEMBER = "SELECT " + Column.names(MEMBER_COLUMNS) + " FROM members";

    private HouseholdRows() {
    }

    private static String update(String newVersion) {
        return "UPDATE households SET " + UPDATE_COLUMNS.stream().map(Column::name)
                .filter(n -> !n.equals("county_code") && !n.equals("id"))
                .map(n -> n + " = :" + n).collect(Collectors.joining(", "))
                + ", version = " + newVersion + " WHERE county_code = :county_code AND id = :id AND version = :version";
    }

    static String column(HouseholdFlag flag) {
        return switch (flag) {
            case MILITARY_FAMILY -> "flag_military_family";
            case ONE_CHILD -> "flag_one_child";
            case TWO_DAUGHTERS -> "flag_two_daughters";
        };
    }

    static String column(Insurance insurance) {
        return switch (insurance) {
            case RURAL_MEDICAL -> "insured_rural_medical";
            case SERIOUS_ILLNESS -> "insured_serious_illness";
            case RURAL_PENSION -> "insured_rural_pension";
        };
    }

    /** The member rows of a household. */
    static List<MemberRow> memberRows(Household h) {
        List<MemberRow> rows = new ArrayList<>(h.members().size());
        for (int i = 0; i < h.members().size(); i++) {
            rows.add(new MemberRow(h.countyCode(), h.id(), i, h.members().get(i), h.status().active()));
        }
        return rows;
    }

    /**
     * Maps {@code households} rows (any query selecting {@link #HOUSEHOLD_COLUMNS}) to households without members.
     * Column positions are looked up once per result set, not by name on every row: drivers resolve names with a
     * case-insensitive search, which was a visible share of whole-county scans.
     */
    static final RowMapper<Household.Builder> HOUSEHOLD = new PositionalMapper<>(HOUSEHOLD_COLUMNS,
            HouseholdRows::household);
    /** Maps {@code members} rows (any query selecting {@link #MEMBER_COLUMNS}) to their household id and member. */
    static final RowMapper<Map.Entry<String, Member>> MEMBER = new PositionalMapper<>(MEMBER_COLUMNS,
            (rs, at) -> Map.entry(rs.getString(at.of("household_id")), member(rs, at)));

    /**
     * Maps {@code members} rows (selecting {@link #MEMBER_COLUMNS}) to the member and whether its citizen ID is
     * stored as active.
     */
    static final RowMapper<Map.Entry<Member, Boolean>> MEMBER_WITH_ACTIVITY = new PositionalMapper<>(MEMBER_COLUMNS,
            (rs, at) -> Map.entry(member(rs, at), rs.getString(at.of(ACTIVE_CITIZEN_ID)) != null));

    private static Household.Builder household(ResultSet rs, Positions at) throws SQLException {
        List<PovertyCause> others = new ArrayList<>(2);
        for (String col : List.of("other_cause_1", "other_cause_2")) {
            PovertyCause c = Codes.parse(PovertyCause.class, rs.getString(at.of(col)));
            if (c != null) {
                others.add(c);
            }
        }
        Set<HouseholdFlag> flags = EnumSet.noneOf(HouseholdFlag.class);
        for (HouseholdFlag f : HouseholdFlag.values()) {
            if (rs.getBoolean(at.of(column(f)))) {
                flags.add(f);
            }
        }
        String structure = rs.getString(at.of("housing_structure"));
        Housing housing = structure == null ? null
                : new Housing(decimal(rs, at.of("housing_area")), Codes.parse(HousingStructure.class, structure),
                        integer(rs, at.of("housing_build_year")),
                        Codes.parse(HousingSafety.class, rs.getString(at.of("housing_safety"))));
        BigDecimal arable = decimal(rs, at.of("land_arable"));
        LandHolding land = arable == null ? null
                : new LandHolding(arable, decimal(rs, at.of("land_irrigated")), decimal(rs, at.of("land_forest")));
        return Household.builder()
                .id(rs.getString(at.of("id")))
                .region(new RegionCode(rs.getString(at.of("region_code"))))
                .villageGroup(rs.getString(at.of("village_group")))
                .address(rs.getString(at.of("address")))
                .phone(rs.getString(at.of("phone")))
                .bank(rs.getString(at.of("bank_name")), rs.getString(at.of("bank_account")))
                .standard(Codes.parse(IdentificationStandard.class, rs.getString(at.of("standard"))))
                .type(Codes.parse(HouseholdType.class, rs.getString(at.of("household_type"))))
                .mainCause(Codes.parse(PovertyCause.class, rs.getString(at.of("main_cause"))))
                .otherCauses(others)
                .flags(flags)
                .status(Codes.parse(PovertyStatus.class, rs.getString(at.of("status"))))
                .identifiedYear(rs.getInt(at.of("identified_year")))
                .housing(housing)
                .safeDrinkingWater(rs.getBoolean(at.of("safe_drinking_water")))
                .electricity(rs.getBoolean(at.of("electricity")))
                .land(land)
                .mutualAid(rs.getBoolean(at.of("mutual_aid_member")), decimal(rs, at.of("mutual_aid_contribution")))
                .members(List.of())
                .version(rs.getLong(at.of("version")));
    }

    private static Member member(ResultSet rs, Positions at) throws SQLException {
        Set<Insurance> insurances = EnumSet.noneOf(Insurance.class);
        for (Insurance i : Insurance.values()) {
            if (rs.getBoolean(at.of(column(i)))) {
                insurances.add(i);
            }
        }
        return new Member(rs.getString(at.of("name")), new CitizenId(rs.getString(at.of("citizen_id"))),
                Codes.parse(Relationship.class, rs.getString(at.of("relationship"))),
                rs.getString(at.of("ethnicity")),
                Codes.parse(Education.class, rs.getString(at.of("education"))),
                Codes.parse(StudentStatus.class, rs.getString(at.of("student_status"))),
                Codes.parse(HealthStatus.class, rs.getString(at.of("health"))),
                Codes.parse(LabourAbility.class, rs.getString(at.of("labour_ability"))),
                Codes.parse(MigrantWork.class, rs.getString(at.of("migrant_work"))),
                rs.getInt(at.of("months_worked")), insurances, rs.getBoolean(at.of("serving_soldier")));
    }

    private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static List<Column<Household>> householdColumns() {
        List<Column<Household>> c = new ArrayList<>();
        c.add(text("county_code", Household::countyCode));
        c.add(text("id", Household::id));
        c.add(text("region_code", h -> h.region().value()));
        c.add(text("village_group", Household::villageGroup));
        c.add(text("address", Household::address));
        c.add(text("phone", Household::phone));
        c.add(text("bank_name", Household::bankName));
        c.add(text("bank_account", Household::bankAccount));
        c.add(text("standard", h -> Codes.of(h.standard())));
        c.add(text("household_type", h -> Codes.of(h.type())));
        c.add(text("main_cause", h -> Codes.of(h.mainCause())));
        c.add(text("other_cause_1", h -> h.otherCauses().size() > 0 ? Codes.of(h.otherCauses().get(0)) : null));
        c.add(text("other_cause_2", h -> h.otherCauses().size() > 1 ? Codes.of(h.otherCauses().get(1)) : null));
        for (HouseholdFlag f : HouseholdFlag.values()) {
            c.add(new Column<>(column(f), Types.BOOLEAN, h -> h.flags().contains(f)));
        }
        c.add(text("status", h -> Codes.of(h.status())));
        c.add(new Column<>("identified_year", Types.INTEGER, Household::identifiedYear));
        c.add(new Column<>("housing_area", Types.DECIMAL,
                h -> h.housing() == null ? null : h.housing().area()));
        c.add(text("housing_structure", h -> h.housing() == null ? null : Codes.of(h.housing().structure())));
        c.add(new Column<>("housing_build_year", Types.INTEGER,
                h -> h.housing() == null ? null : h.housing().buildYear()));
        c.add(text("housing_safety", h -> h.housing() == null ? null : Codes.of(h.housing().safety())));
        c.add(new Column<>("safe_drinking_water", Types.BOOLEAN, Household::safeDrinkingWater));
        c.add(new Column<>("electricity", Types.BOOLEAN, Household::electricity));
        c.add(new Column<>("land_arable", Types.DECIMAL, h -> h.land() == null ? null : h.land().arable()));
        c.add(new Column<>("land_irrigated", Types.DECIMAL,
                h -> h.land() == null ? null : h.land().irrigated()));
        c.add(new Column<>("land_forest", Types.DECIMAL, h -> h.land() == null ? null : h.land().forest()));
        c.add(new Column<>("mutual_aid_member", Types.BOOLEAN, Household::mutualAidMember));
        c.add(new Column<>("mutual_aid_contribution", Types.DECIMAL, h -> h.mutualAidContribution()));
        c.add(new Column<>("version", Types.BIGINT, Household::version));
        return List.copyOf(c);
    }

    private static List<Column<MemberRow>> memberColumns() {
        List<Column<MemberRow>> c = new ArrayList<>();
        c.add(new Column<>("county_code", Types.VARCHAR, MemberRow::countyCode));
        c.add(new Column<>("household_id", Types.VARCHAR, MemberRow::householdId));
        c.add(new Column<>("seq", Types.INTEGER, MemberRow::seq));
        c.add(member("name", Types.VARCHAR, Member::name));
        c.add(member("citizen_id", Types.VARCHAR, m -> m.citizenId().value()));
        c.add(member("relationship", Types.VARCHAR, m -> Codes.of(m.relationship())));
        c.add(member("ethnicity", Types.VARCHAR, Member::ethnicity));
        c.add(member("education", Types.VARCHAR, m -> Codes.of(m.education())));
        c.add(member("student_status", Types.VARCHAR, m -> Codes.of(m.studentStatus())));
        c.add(member("health", Types.VARCHAR, m -> Codes.of(m.health())));
        c.add(member("labour_ability", Types.VARCHAR, m -> Codes.of(m.labourAbility())));
        c.add(member("migrant_work", Types.VARCHAR, m -> Codes.of(m.migrantWork())));
        c.add(member("months_worked", Types.INTEGER, Member::monthsWorked));
        for (Insurance i : Insurance.values()) {
            c.add(member(column(i), Types.BOOLEAN, m -> m.insurances().contains(i)));
        }
        c.add(member("serving_soldier", Types.BOOLEAN, Member::servingSoldier));
        c.add(new Column<>(ACTIVE_CITIZEN_ID, Types.VARCHAR,
                row -> row.active() ? row.member().citizenId().value() : null));
        return List.copyOf(c);
    }

    private static Column<Household> text(String name, Function<Household, Object> value) {
        return new Column<>(name, Types.VARCHAR, value);
    }

    private static Column<MemberRow> member(String name, int sqlType, Function<Member, Object> value) {
        return new Column<>(name, sqlType, row -> value.apply(row.member()));
    }

}
