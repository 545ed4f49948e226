package org.jingzhun.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jingzhun.spi.person.CitizenId;
import org.jingzhun.spi.person.Sex;
import org.junit.jupiter.api.Test;

class CitizenIdTest {

    /** A well-known valid test number from the standard's worked example. */
    private static final String SAMPLE = "11010519491231002X";

    @Test
    void acceptsStandardExampleAndDerivesBirthAndSex() {
        CitizenId id = CitizenId.parse(SAMPLE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.addressCode()).isEqualTo("110105");
    }

    @Test
    void lowerCaseXIsNormalised() {
        assertThat(CitizenId.parse("11010519491231002x").value()).isEqualTo(SAMPLE);
    }

    @Test
    void legacyFifteenDigitNumberIsUpgraded() {
        CitizenId id = CitizenId.parse("110105491231002");
        assertThat(id.value()).isEqualTo(SAMPLE);
    }

    @Test
    void maskedKeepsFirstSixAndLastFour() {
        assertThat(CitizenId.parse(SAMPLE).masked()).isEqualTo("110105********002X");
        assertThat(CitizenId.parse(SAMPLE).toString()).doesNotContain("19491231");
    }

    @Test
    void refusesWrongCheckCharacterBadDateAndProvince() {
        assertThatThrownBy(() -> CitizenId.parse("110105194912310021")).hasMessageContaining("check character");
        assertThat(CitizenId.problem(withCheck("11010519490231002"))).contains("not a date");
        assertThat(CitizenId.problem(withCheck("00010519491231002"))).contains("province");
        assertThat(CitizenId.problem("1101051949123100")).contains("18");
        assertThatThrownBy(() -> CitizenId.parse("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String withCheck(String first17) {
        return first17 + CitizenId.checkCharacter(first17);
    }

    @Provide
    static Arbitrary<String> validIds() {
        Arbitrary<String> address = Arbitraries.of("341702", "340102", "110105", "440305", "510104");
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 365 * 100)
                .map(d -> LocalDate.of(1920, 1, 1).plusDays(d));
        Arbitrary<Integer> seq = Arbitraries.integers().between(0, 999);
        return Combinators.combine(address, birth, seq).as((a, b, s) -> {
            String first17 = a + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth())
                    + String.format("%03d", s);
            return first17 + CitizenId.checkCharacter(first17);
        });
    }

    @Property
    void generatedIdsValidateAndRoundTrip(@ForAll("validIds") String value) {
        CitizenId id = CitizenId.parse(value);
        assertThat(id.value()).isEqualTo(value);
        assertThat(id.sex()).isEqualTo((value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    @Property
    void anySingleDigitChangeIsCaught(@ForAll("validIds") String value, @ForAll @IntRange(min = 0, max = 16) int pos,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        char changed = (char) ('0' + (value.charAt(pos) - '0' + delta) % 10);
        String mutated = value.substring(0, pos) + changed + value.substring(pos + 1);
        // A changed digit may also break the date or province; either way the number must be refused.
        assertThat(CitizenId.isValid(mutated)).as("mutated %s at %d", mutated, pos).isFalse();
    }

    @Property
    void changedCheckCharacterIsCaught(@ForAll("validIds") String value,
            @ForAll("checkChars") char other) {
        if (other == value.charAt(17)) {
            return;
        }
        assertThat(CitizenId.isValid(value.substring(0, 17) + other)).isFalse();
    }

    @Provide
    static Arbitrary<Character> checkChars() {
        return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }
}
