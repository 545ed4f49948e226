package org.jingzhun.core;

import java.util.ArrayList;
import java.util.List;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.storage.memory.MemoryStoragePlugin;

/** A small district for core tests: county 341702, two townships with two villages each. */
final class Fixtures {
    static final RegionCode COUNTY = RegionCode.of("341702");
    static final RegionCode TOWN_A = RegionCode.of("341702100000");
    static final RegionCode TOWN_B = RegionCode.of("341702101000");
    static final RegionCode VILLAGE_A1 = RegionCode.of("341702100201");
    static final RegionCode VILLAGE_A2 = RegionCode.of("341702100202");
    static final RegionCode VILLAGE_B1 = RegionCode.of("341702101201");
    static final RegionCode VILLAGE_B2 = RegionCode.of("341702101202");
    static final List<RegionCode> VILLAGES = List.of(VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, VILLAGE_B2);
    static final Principal COUNTY_OFFICER = Principal.officer("county-clerk", COUNTY);

    private Fixtures() {
    }

    static Jingzhun newJingzhun() {
        Jingzhun jz = Jingzhun.builder().plugin(new MemoryStoragePlugin()).storage("memory").build();
        jz.regions().define(COUNTY_OFFICER, List.of(
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

    /** A household of {@code size} members whose IDs start at sequence {@code seq}. */
    static Household household(RegionCode village, int seq, int size) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(Member.of("成员" + seq + "-" + i, id(i == 0 ? "19650302" : "19900815", seq + i),
                    i == 0 ? Relationship.HEAD : Relationship.SON));
        }
        return Household.builder().region(village).mainCause(PovertyCause.ILLNESS)
                .otherCauses(List.of(PovertyCause.LACK_OF_SKILLS)).members(members).build();
    }
}
