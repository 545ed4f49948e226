package org.jingzhun.core.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jingzhun.core.Jingzhun;
import org.jingzhun.policy.anhui.AnhuiPolicyPlugin;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.funds.RiskCompensationFund;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/** A small district for the funds tests on in-memory storage: county 341702, two townships with two villages each. */
final class FundsFixtures {
    static final RegionCode COUNTY = RegionCode.of("341702");
    static final RegionCode TOWN_A = RegionCode.of("341702100000");
    static final RegionCode TOWN_B = RegionCode.of("341702101000");
    static final RegionCode VILLAGE_A1 = RegionCode.of("341702100201");
    static final RegionCode VILLAGE_A2 = RegionCode.of("341702100202");
    static final RegionCode VILLAGE_B1 = RegionCode.of("341702101201");
    static final RegionCode VILLAGE_B2 = RegionCode.of("341702101202");
    static final Principal OFFICER = Principal.officer("county-finance", COUNTY);
    static final Principal TOWN_A_OFFICER = Principal.officer("town-a-finance", TOWN_A);
    static final Principal COUNTY_VIEWER = Principal.viewer("county-viewer", COUNTY);
    static final LocalDate RECEIVED = LocalDate.of(2016, 3, 1);
    static final LocalDate DAY = LocalDate.of(2016, 6, 1);
    static final Instant NOW = Instant.parse("2019-12-31T09:00:00Z");

    private FundsFixtures() {
    }

    static Jingzhun newJingzhun() {
        Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory")
                .plugin(new AnhuiPolicyPlugin()) // the interest subsidy's only home
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        jz.regions().define(OFFICER, List.of(
                new Region(COUNTY, "贵池区", 537_000, false),
                new Region(TOWN_A, "梅街镇", 30_000, false),
                new Region(TOWN_B, "棠溪镇", 20_000, false),
                new Region(VILLAGE_A1, "刘街村", 2_400, true),
                new Region(VILLAGE_A2, "源溪村", 1_900, false),
                new Region(VILLAGE_B1, "石门村", 2_100, true),
                new Region(VILLAGE_B2, "百安村", 1_700, false)), "baseline regions");
        return jz;
    }

    static CitizenId id(String birth, int seq) {
        String first17 = "341702" + birth + String.format("%03d", seq);
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    /** Registers a household of {@code size} members whose head was born on {@code headBirth} (yyyyMMdd). */
    static Household register(Jingzhun jz, RegionCode village, int seq, int size, String headBirth) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(Member.of("成员" + seq + "-" + i, id(i == 0 ? headBirth : "19900815", seq + i),
                    i == 0 ? Relationship.HEAD : Relationship.SON));
        }
        Household h = Household.builder().region(village).mainCause(PovertyCause.LACK_OF_CAPITAL)
                .members(members).build();
        return jz.registry().register(OFFICER, h, "baseline");
    }

    static BigDecimal yuan(String v) {
        return new BigDecimal(v);
    }

    static FundSource source(FundSourceKind kind, String name, String amount, RegionCode scope) {
        return FundSource.of(kind, name, 2016, yuan(amount), scope, "区财政局", RECEIVED);
    }

    static AidProject project(RegionCode region, String name, ProjectCategory category, String budget,
            List<String> beneficiaries) {
        return AidProject.planned(region, name, category, 2016, yuan(budget), "区扶贫办", LocalDate.of(2016, 12, 31),
                beneficiaries);
    }

    static RiskCompensationFund riskFund(String coverage) {
        return new RiskCompensationFund(null, COUNTY, "贵池区扶贫小额信贷风险补偿金", "贵池农商行", yuan(coverage),
                MicrocreditTerms.standard2016());
    }
}
