package org.jingzhun.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jingzhun.spi.region.Region;
import org.jingzhun.spi.region.RegionCode;
import org.jingzhun.spi.region.RegionLevel;
import org.jingzhun.spi.region.RegionTree;
import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void levelsParentsAndContainment() {
        RegionCode county = RegionCode.of("341702");
        RegionCode town = RegionCode.of("341702100000");
        RegionCode village = RegionCode.of("341702100201");
        assertThat(county.value()).isEqualTo("341702000000");
        assertThat(county.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(town.level()).isEqualTo(RegionLevel.TOWNSHIP);
        assertThat(village.level()).isEqualTo(RegionLevel.VILLAGE);
        assertThat(village.parent()).isEqualTo(town);
        assertThat(town.parent()).isEqualTo(county);
        assertThat(county.parent()).isEqualTo(RegionCode.of("341700000000"));
        assertThat(county.contains(village)).isTrue();
        assertThat(town.contains(RegionCode.of("341702101001"))).isFalse();
        assertThat(village.countyCode()).isEqualTo("341702");
        assertThat(village.ancestorAt(RegionLevel.TOWNSHIP)).isEqualTo(town);
        assertThat(town.prefix()).isEqualTo("341702100");
    }

    @Test
    void refusesMalformedCodes() {
        assertThatThrownBy(() -> RegionCode.of("34170210020")).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> RegionCode.of("34170A100201")).hasMessageContaining("digits only");
        assertThatThrownBy(() -> RegionCode.of("341700100201")).hasMessageContaining("empty higher level");
        assertThatThrownBy(() -> RegionCode.of("000000000000")).hasMessageContaining("00");
    }

    @Test
    void treeNavigatesAndNamesPaths() {
        RegionTree tree = RegionTree.of(List.of(
                new Region(RegionCode.of("341702"), "贵池区", 537_000, false),
                new Region(RegionCode.of("341702100000"), "梅街镇", 30_000, false),
                new Region(RegionCode.of("341702100201"), "刘街村", 2_400, true),
                new Region(RegionCode.of("341702101000"), "棠溪镇", 20_000, false)));
        assertThat(tree.children(RegionCode.of("341702"))).extracting(Region::name).containsExactly("梅街镇", "棠溪镇");
        assertThat(tree.path(RegionCode.of("341702100201"))).isEqualTo("贵池区 梅街镇 刘街村");
        assertThat(tree.within(RegionCode.of("341702"), RegionLevel.VILLAGE)).hasSize(1);
        assertThat(tree.roots()).extracting(Region::name).containsExactly("贵池区");
    }
}
