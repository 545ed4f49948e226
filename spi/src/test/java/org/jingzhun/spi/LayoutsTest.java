package org.jingzhun.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jingzhun.spi.exchange.Column;
import org.jingzhun.spi.exchange.Layout;
import org.jingzhun.spi.exchange.Layouts;
import org.jingzhun.spi.exchange.Sensitivity;
import org.jingzhun.spi.exchange.SheetLayout;
import org.junit.jupiter.api.Test;

/** The layouts are data: unambiguous headers, the card fields of REFERENCE §2, and a public notice without personal data. */
class LayoutsTest {
    @Test
    void everyLayoutIsRegisteredByName() {
        assertThat(Layouts.all()).containsOnlyKeys("library", "national", "monitoring", "public-notice");
        Layouts.all().forEach((name, layout) -> assertThat(layout.name()).isEqualTo(name));
    }

    @Test
    void noHeaderOrAliasNamesTwoColumnsOfASheet() {
        for (Layout layout : Layouts.all().values()) {
            for (SheetLayout sheet : layout.sheets()) {
                for (Column c : sheet.columns()) {
                    for (String text : concat(c.header(), c.aliases())) {
                        assertThat(sheet.columns().stream().filter(other -> other.matches(text)))
                                .as("%s/%s: %s", layout.name(), sheet.name(), text).containsExactly(c);
                    }
                }
            }
        }
    }

    @Test
    void theNationalSheetsCarryTheCardFields() {
        Set<String> household = keys(Layouts.NATIONAL.sheets().get(0));
        Set<String> members = keys(Layouts.NATIONAL.sheets().get(1));

        assertThat(household).contains("householdNumber", "region", "villageGroup", "address", "phone", "bankName",
                "bankAccount", "standard", "type", "mainCause", "otherCauses", "flags", "status", "housingArea",
                "housingStructure", "housingBuildYear", "housingSafety", "safeDrinkingWater", "electricity", "arable",
                "irrigated", "forest", "mutualAidMember", "mutualAidContribution");
        assertThat(members).contains("householdNumber", "name", "citizenId", "relationship", "ethnicity",
                "education", "studentStatus", "health", "labourAbility", "migrantWork", "monthsWorked", "insurances",
                "servingSoldier");
        assertThat(Layouts.NATIONAL.sheet("家庭成员信息")).contains(Layouts.NATIONAL.sheets().get(1));
        assertThat(keys(Layouts.LIBRARY.sheets().get(0))).containsAll(household).contains("incomeYear",
                "income.WAGES", "productionCosts");
    }

    @Test
    void thePublicNoticeCarriesNameVillageCategoryAndReasonOnly() {
        SheetLayout notice = Layouts.PUBLIC_NOTICE.first();

        assertThat(notice.headers()).containsExactly("户主姓名", "所在村", "类别", "理由");
        assertThat(notice.columns()).allMatch(c -> c.sensitivity() == Sensitivity.NONE);
    }

    private static Set<String> keys(SheetLayout sheet) {
        Set<String> out = new HashSet<>();
        sheet.columns().forEach(c -> out.add(c.key()));
        return out;
    }

    private static List<String> concat(String header, List<String> aliases) {
        List<String> out = new java.util.ArrayList<>(aliases);
        out.add(0, header);
        return out;
    }
}
