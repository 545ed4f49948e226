package org.jingzhun.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jingzhun.spi.error.InsufficientFundsException;
import org.jingzhun.spi.funds.AidProject;
import org.jingzhun.spi.funds.EntryKind;
import org.jingzhun.spi.funds.FundSource;
import org.jingzhun.spi.funds.FundSourceKind;
import org.jingzhun.spi.funds.LedgerEntry;
import org.jingzhun.spi.funds.LoanPurpose;
import org.jingzhun.spi.funds.MicrocreditTerms;
import org.jingzhun.spi.funds.Payee;
import org.jingzhun.spi.funds.ProjectCategory;
import org.jingzhun.spi.region.RegionCode;
import org.junit.jupiter.api.Test;

/** The funds model: exact yuan amounts, JSON round trips, validation, the overspend error in both languages. */
class FundsModelTest {
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Provide
    Arbitrary<LedgerEntry> entries() {
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(new BigDecimal("0.01"),
                new BigDecimal("999999999.99")).ofScale(2);
        return Combinators.combine(Arbitraries.of(EntryKind.class), money, Arbitraries.integers().between(1, 9999),
                Arbitraries.of(true, false)).as((kind, amount, n, counter) -> new LedgerEntry("341702-E" + n, kind,
                        LocalDate.of(2016, 1, 1).plusDays(n % 3000), amount, RegionCode.of("341702100201"), "341702-S1",
                        "341702-P2", "341702-E3", Payee.household("341702-00000001"), null, null, "341702-00000001",
                        counter ? "341702-E4" : null, "产业奖补", "reason", "clerk", Instant.parse("2016-06-01T09:00:00Z")));
    }

    @Property(tries = 200)
    void ledgerEntriesSurviveJsonAndAreValid(@ForAll("entries") LedgerEntry e) throws Exception {
        String json = mapper.writeValueAsString(e);
        assertThat(json).doesNotContain("signedAmount").doesNotContain("\"reversal\"");
        assertThat(mapper.readValue(json, LedgerEntry.class)).isEqualTo(e);
        assertThat(validator.validate(e)).isEmpty();
        assertThat(e.signedAmount().abs()).isEqualTo(e.amount());
        assertThat(e.signedAmount().signum()).isEqualTo(e.reversal() ? -1 : 1);
    }

    @Test
    void amountsAreExactYuanAndFractionsOfAFenAreRefusedNotRounded() throws Exception {
        FundSource s = FundSource.of(FundSourceKind.UNIT_PAIRING, "单位帮扶资金", 2016, new BigDecimal("840000"),
                RegionCode.of("341702"), "区直单位", LocalDate.of(2016, 3, 1));
        assertThat(s.amount()).isEqualTo(new BigDecimal("840000.00"));
        assertThat(mapper.writeValueAsString(s)).contains("840000.00");
        assertThat(mapper.readValue(mapper.writeValueAsString(s), FundSource.class)).isEqualTo(s);
        assertThat(validator.validate(s)).isEmpty();

        FundSource fraction = FundSource.of(FundSourceKind.OTHER, "x", 2016, new BigDecimal("10.005"),
                RegionCode.of("341702"), null, LocalDate.of(2016, 3, 1));
        assertThat(fraction.amount()).isEqualTo(new BigDecimal("10.005"));
        assertThat(validator.validate(fraction)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("amount");

        AidProject p = AidProject.planned(RegionCode.of("341702100201"), "道路", ProjectCategory.INFRASTRUCTURE, 2016,
                new BigDecimal("0"), "", LocalDate.of(2016, 12, 31), List.of("bad"));
        assertThat(validator.validate(p)).extracting(v -> v.getPropertyPath().toString().replaceAll("\\[.*", ""))
                .contains("budget", "owner", "beneficiaries");
    }

    @Test
    void termsOf2016AndPurposes() {
        MicrocreditTerms t = MicrocreditTerms.standard2016();
        assertThat(t.maxPrincipal()).isEqualByComparingTo("50000");
        assertThat(t.maxTermMonths()).isEqualTo(36);
        assertThat(t.minAge()).isEqualTo(18);
        assertThat(t.maxAge()).isEqualTo(65);
        assertThat(LoanPurpose.BREEDING.production()).isTrue();
        assertThat(LoanPurpose.OTHER_PRODUCTION.production()).isTrue();
        assertThat(LoanPurpose.CONSUMPTION.production()).isFalse();
        assertThat(LoanPurpose.HOUSE_BUILDING.production()).isFalse();
        assertThat(FundSourceKind.COUNTY_FISCAL.fiscal()).isTrue();
        assertThat(FundSourceKind.INTEGRATED_SECTOR.fiscal()).isFalse();
        assertThat(CodedEnum.lookup(FundSourceKind.class, "统筹整合涉农资金")).isEqualTo(FundSourceKind.INTEGRATED_SECTOR);
    }

    @Test
    void overspendNamesRecordFieldAskedAndAvailableInBothLanguages() {
        InsufficientFundsException e = new InsufficientFundsException("project 341702-P00000001", "undisbursed",
                new BigDecimal("15000.01"), new BigDecimal("15000.00"));
        assertThat(e.code()).isEqualTo("funds.overspend");
        assertThat(e.getMessage()).isEqualTo(
                "project 341702-P00000001: undisbursed is short: 15000.01 yuan asked, 15000.00 yuan available");
        assertThat(e.localizedMessage(Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("project 341702-P00000001：undisbursed不足，申请 15000.01 元，可用仅 15000.00 元");
    }
}
