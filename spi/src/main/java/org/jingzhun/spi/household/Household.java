package org.jingzhun.spi.household;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jingzhun.spi.region.RegionCode;

/**
 * A registered household (贫困户, 建档立卡户): the unit of assistance, with its card fields and members. Immutable; the
 * registry changes a household by storing a new version, and {@link #version()} is the optimistic-lock token the
 * caller read (0 for a household not yet stored).
 *
 * @param id              registry id, {@code <6-digit county code>-<sequence>}, assigned by the registry when blank
 * @param region          12-digit code of the village (村) the household lives in
 * @param villageGroup    village group (村民小组), free text such as {@code 三组}
 * @param standard        income line the household was identified under
 * @param mainCause       main poverty cause (required)
 * @param otherCauses     up to two further causes, none equal to the main cause
 * @param identifiedYear  year the household was first identified (2014 for the baseline)
 * @param mutualAidContribution contribution to the village mutual-aid fund (互助资金), when a member of it
 */
public record Household(
        @Pattern(regexp = "\\d{6}-[0-9A-Z]{1,20}") String id,
        @NotNull RegionCode region,
        @Size(max = 30) String villageGroup,
        @Size(max = 200) String address,
        @Pattern(regexp = "[0-9+\\- ]{5,20}") String phone,
        @Size(max = 60) String bankName,
        @Pattern(regexp = "\\d{8,30}") String bankAccount,
        @NotNull IdentificationStandard standard,
        @NotNull HouseholdType type,
        @NotNull PovertyCause mainCause,
        @NotNull @Size(max = 2) List<@NotNull PovertyCause> otherCauses,
        @NotNull Set<@NotNull HouseholdFlag> flags,
        @NotNull PovertyStatus status,
        @Min(2000) @Max(2100) @org.jingzhun.spi.person.NotFuture int identifiedYear,
        @Valid Housing housing,
        boolean safeDrinkingWater,
        boolean electricity,
        @Valid LandHolding land,
        boolean mutualAidMember,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal mutualAidContribution,
        @NotEmpty @Size(max = 30) List<@Valid @NotNull Member> members,
        @PositiveOrZero long version) {

    public Household {
        otherCauses = otherCauses == null ? List.of() : List.copyOf(otherCauses);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        members = members == null ? List.of() : List.copyOf(members);
        // Money with scale 2, as every storage returns it (see IncomeStatement).
        mutualAidContribution = mutualAidContribution == null ? null
                : org.jingzhun.spi.funds.Money.exact(mutualAidContribution);
    }

    /** The 6-digit county code, the distribution key of every stored row. */
    @JsonIgnore
    public String countyCode() {
        return region.countyCode();
    }

    /** The household head (户主): the member whose relationship is HEAD, if any. */
    @JsonIgnore
    public Optional<Member> head() {
        return members.stream().filter(m -> m.relationship() == Relationship.HEAD).findFirst();
    }

    /** Household size (家庭人口数). */
    @JsonIgnore
    public int size() {
        return members.size();
    }

    /** Main cause followed by the other causes. */
    @JsonIgnore
    public List<PovertyCause> causes() {
        List<PovertyCause> all = new ArrayList<>();
        all.add(mainCause);
        all.addAll(otherCauses);
        return all;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Fluent construction of a household, defaults: national standard, general poor, not exited, no flags. */
    public static final class Builder {
        private String id;
        private RegionCode region;
        private String villageGroup;
        private String address;
        private String phone;
        private String bankName;
        private String bankAccount;
        private IdentificationStandard standard = IdentificationStandard.NATIONAL;
        private HouseholdType type = HouseholdType.GENERAL_POOR;
        private PovertyCause mainCause;
        private List<PovertyCause> otherCauses = List.of();
        private Set<HouseholdFlag> flags = Set.of();
        private PovertyStatus status = PovertyStatus.NOT_EXITED;
        private int identifiedYear = 2014;
        private Housing housing;
        private boolean safeDrinkingWater = true;
        private boolean electricity = true;
        private LandHolding land;
        private boolean mutualAidMember;
        private BigDecimal mutualAidContribution;
        private List<Member> members = new ArrayList<>();
        private long version;

        private Builder() {
        }

        private Builder(Household h) {
            id = h.id;
            region = h.region;
            villageGroup = h.villageGroup;
            address = h.address;
            phone = h.phone;
            bankName = h.bankName;
            bankAccount = h.bankAccount;
            standard = h.standard;
            type = h.type;
            mainCause = h.mainCause;
            otherCauses = h.otherCauses;
            flags = h.flags;
            status = h.status;
            identifiedYear = h.identifiedYear;
            housing = h.housing;
            safeDrinkingWater = h.safeDrinkingWater;
            electricity = h.electricity;
            land = h.land;
            mutualAidMember = h.mutualAidMember;
            mutualAidContribution = h.mutualAidContribution;
            members = new ArrayList<>(h.members);
            version = h.version;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder region(RegionCode v) { region = v; return this; }
        public Builder villageGroup(String v) { villageGroup = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder phone(String v) { phone = v; return this; }
        public Builder bank(String name, String account) { bankName = name; bankAccount = account; return this; }
        public Builder standard(IdentificationStandard v) { standard = v; return this; }
        public Builder type(HouseholdType v) { type = v; return this; }
        public Builder mainCause(PovertyCause v) { mainCause = v; return this; }
        public Builder otherCauses(List<PovertyCause> v) { otherCauses = v; return this; }
        public Builder flags(Set<HouseholdFlag> v) { flags = v; return this; }
        public Builder status(PovertyStatus v) { status = v; return this; }
        public Builder identifiedYear(int v) { identifiedYear = v; return this; }
        public Builder housing(Housing v) { housing = v; return this; }
        public Builder safeDrinkingWater(boolean v) { safeDrinkingWater = v; return this; }
        public Builder electricity(boolean v) { electricity = v; return this; }
        public Builder land(LandHolding v) { land = v; return this; }
        public Builder mutualAid(boolean member, BigDecimal contribution) { mutualAidMember = member; mutualAidContribution = contribution; return this; }
        public Builder members(List<Member> v) { members = new ArrayList<>(v); return this; }
        public Builder addMember(Member v) { members.add(v); return this; }
        public Builder version(long v) { version = v; return this; }

        public Household build() {
            return new Household(id, region, villageGroup, address, phone, bankName, bankAccount, standard, type,
                    mainCause, otherCauses, flags, status, identifiedYear, housing, safeDrinkingWater, electricity,
                    land, mutualAidMember, mutualAidContribution, members, version);
        }
    }
}
