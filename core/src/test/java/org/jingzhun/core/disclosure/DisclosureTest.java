package org.jingzhun.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jingzhun.spi.access.Principal;
import org.jingzhun.spi.error.AccessDeniedException;
import org.jingzhun.spi.household.HealthStatus;
import org.jingzhun.spi.household.Household;
import org.jingzhun.spi.household.Member;
import org.jingzhun.spi.household.PovertyCause;
import org.jingzhun.spi.household.Relationship;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

class DisclosureTest {
    private static final CitizenId HEAD = CitizenId.parse("34170219650302001X");
    private static final CitizenId SPOUSE = CitizenId.parse("341702196708120022");
    private final Disclosure disclosure = new Disclosure();
    private final Household household = Household.builder().id("341702-00000001")
            .region(RegionCode.of("341702100201")).villageGroup("三组").address("刘街村三组12号")
            .phone("13912345678").bank("农商银行", "6228480012345678").mainCause(PovertyCause.ILLNESS)
            .members(List.of(Member.of("张大山", HEAD, Relationship.HEAD).withHealth(HealthStatus.DISABLED),
                    Member.of("李秀英", SPOUSE, Relationship.SPOUSE)))
            .build();

    @Test
    void theScreenProfileRedactsIdsMasksNumbersAndWithholdsAddressAndHealth() {
        Household shown = disclosure.household(household, MaskingProfile.SCREEN);
        assertThat(shown.members()).extracting(m -> m.citizenId().value())
                .containsExactly("341702********001X", "341702********0022");
        assertThat(shown.members()).allSatisfy(m -> {
            assertThat(m.citizenId().isRedacted()).isTrue();
            assertThat(m.health()).isNull();
        });
        assertThat(shown.members().get(0).name()).isEqualTo("张大山");
        assertThat(shown.members().get(0).sex()).isEqualTo(HEAD.sex());
        assertThatThrownBy(() -> shown.members().get(0).birthDate()).isInstanceOf(IllegalStateException.class);
        assertThat(shown.phone()).isEqualTo("139****5678");
        assertThat(shown.bankAccount()).isEqualTo("622*********5678");
        assertThat(shown.address()).isNull();
        assertThat(shown.villageGroup()).isEqualTo("三组");
    }

    @Test
    void thePublicNoticeProfileRemovesEverythingButNameVillageAndCategory() {
        Household shown = disclosure.household(household, MaskingProfile.PUBLIC_NOTICE);
        assertThat(shown.members()).allSatisfy(m -> {
            assertThat(m.citizenId()).isNull();
            assertThat(m.health()).isNull();
        });
        assertThat(shown.phone()).isNull();
        assertThat(shown.bankAccount()).isNull();
        assertThat(shown.bankName()).isNull();
        assertThat(shown.address()).isNull();
        assertThat(shown.members().get(0).name()).isEqualTo("张大山");
        assertThat(shown.region()).isEqualTo(household.region());
        assertThat(shown.mainCause()).isEqualTo(PovertyCause.ILLNESS);
        assertThat(disclosure.household(household, MaskingProfile.FULL)).isSameAs(household);
    }

    @Test
    void recordedJsonAndFreeTextAreMaskedByFieldAndByShape() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = mapper.readTree("""
                {"phone":"13912345678","bankAccount":"6228480012345678","address":"刘街村三组12号",
                 "applicant":{"members":[{"citizenId":"34170219650302001X","health":"DISABLED","name":"张大山"}]},
                 "note":"borrower 341702196708120022 repaid","amount":"120.00"}""");
        JsonNode screen = disclosure.json(tree, MaskingProfile.SCREEN);
        String text = screen.toString();
        assertThat(text).doesNotContain("13912345678", "6228480012345678", "刘街村三组12号", "34170219650302001X",
                "341702196708120022", "DISABLED");
        assertThat(screen.get("phone").asText()).isEqualTo("139****5678");
        assertThat(screen.at("/applicant/members/0/citizenId").asText()).isEqualTo("341702********001X");
        assertThat(screen.at("/applicant/members/0/name").asText()).isEqualTo("张大山");
        assertThat(screen.get("note").asText()).isEqualTo("borrower 341702********0022 repaid");
        assertThat(screen.get("amount").asText()).isEqualTo("120.00");
        assertThat(tree.get("phone").asText()).as("the input is not changed").isEqualTo("13912345678");
        JsonNode notice = disclosure.json(tree, MaskingProfile.PUBLIC_NOTICE);
        assertThat(notice.get("phone").asText()).isEqualTo(Disclosure.WITHHELD);
        assertThat(notice.get("note").asText()).isEqualTo("borrower *** repaid");
        assertThat(disclosure.json(tree, MaskingProfile.FULL)).isSameAs(tree);
        assertThat(disclosure.text("no id here", MaskingProfile.SCREEN)).isEqualTo("no id here");
    }

    @Test
    void fullDisclosureNeedsThePermissionAndTheDefaultFollowsIt() {
        Principal viewer = Principal.viewer("v", RegionCode.of("341702"));
        Principal officer = Principal.officer("o", RegionCode.of("341702"));
        assertThat(disclosure.allowed(viewer, null)).isEqualTo(MaskingProfile.SCREEN);
        assertThat(disclosure.allowed(officer, null)).isEqualTo(MaskingProfile.FULL);
        assertThat(disclosure.allowed(viewer, MaskingProfile.PUBLIC_NOTICE)).isEqualTo(MaskingProfile.PUBLIC_NOTICE);
        assertThat(disclosure.allowed(officer, MaskingProfile.SCREEN)).isEqualTo(MaskingProfile.SCREEN);
        assertThatThrownBy(() -> disclosure.allowed(viewer, MaskingProfile.FULL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(MaskingProfile.PUBLIC_NOTICE.label()).isEqualTo("公示");
    }

    @Test
    void restoringPutsBackOnlyWhatTheMaskHid() {
        Household seen = disclosure.household(household, MaskingProfile.SCREEN);
        Household restored = disclosure.restoreWithheld(seen.toBuilder().villageGroup("五组").build(), household);
        assertThat(restored.members()).isEqualTo(household.members());
        assertThat(restored.phone()).isEqualTo(household.phone());
        assertThat(restored.bankAccount()).isEqualTo(household.bankAccount());
        assertThat(restored.address()).isEqualTo(household.address());
        assertThat(restored.villageGroup()).isEqualTo("五组");
        // A new phone is a change; a redacted ID that names no stored member stays redacted (and is refused later).
        Member stranger = Member.of("王五", CitizenId.parse("341702199001010018").redacted(), Relationship.SON);
        Household changed = disclosure.restoreWithheld(seen.toBuilder().phone("13800000000")
                .addMember(stranger).build(), household);
        assertThat(changed.phone()).isEqualTo("13800000000");
        assertThat(changed.members().get(2).citizenId().isRedacted()).isTrue();
        // Members reordered: matched by their redaction, not their position.
        Household swapped = disclosure.restoreWithheld(seen.toBuilder()
                .members(List.of(seen.members().get(1), seen.members().get(0))).build(), household);
        assertThat(swapped.members()).extracting(Member::citizenId).containsExactly(SPOUSE, HEAD);
    }
}
