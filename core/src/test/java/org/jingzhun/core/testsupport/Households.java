package org.jingzhun.core.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;

/** Builds valid test households with unique citizen IDs (Guichi address code, valid check digits). */
public final class Households {
    private final AtomicInteger seq = new AtomicInteger();

    /** A citizen ID born on {@code birth}, unique within this builder. */
    public CitizenId id(LocalDate birth) {
        int n = seq.incrementAndGet();
        String first17 = "341702" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        // Distinct sequence numbers beyond 999 come from shifting the birth day.
        if (n >= 1000) {
            first17 = "341702" + birth.plusDays(n / 1000).toString().replace("-", "") + String.format("%03d", n % 1000);
        }
        return CitizenId.parse(first17 + CitizenId.checkCharacter(first17));
    }

    /** A household of {@code size} ordinary adults in {@code village} with the given causes. */
    public Household.Builder household(RegionCode village, int size, PovertyCause main, PovertyCause... others) {
        List<Member> members = new ArrayList<>();
        members.add(Member.of("张" + seq.get(), id(LocalDate.of(1970, 3, 1)), Relationship.HEAD));
        for (int i = 1; i < size; i++) {
            members.add(Member.of("李" + i, id(LocalDate.of(1975, 5, 1)), Relationship.SPOUSE));
        }
        return Household.builder().region(village).mainCause(main).otherCauses(List.of(others)).members(members);
    }
}
