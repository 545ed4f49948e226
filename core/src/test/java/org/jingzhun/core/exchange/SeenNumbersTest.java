package org.jingzhun.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The compact set of household numbers an import has met remembers each number's first row through growth. */
class SeenNumbersTest {
    @Test
    void remembersTheFirstRowOfEveryNumberAcrossGrowth() {
        SeenNumbers seen = new SeenNumbers();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.putIfAbsent("3417021002010" + i, i + 2)).isEqualTo(-1);
        }

        assertThat(seen.size()).isEqualTo(100_000);
        assertThat(seen.putIfAbsent("34170210020100", 999_999)).isEqualTo(2);
        assertThat(seen.putIfAbsent("341702100201099999", 999_999)).isEqualTo(100_001);
        assertThat(seen.putIfAbsent("新户", 5)).isEqualTo(-1);
        assertThat(seen.putIfAbsent("新户", 6)).isEqualTo(5);

        seen.clear();
        assertThat(seen.size()).isZero();
        assertThat(seen.putIfAbsent("新户", 7)).isEqualTo(-1);
    }
}
