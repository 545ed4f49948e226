package org.jingzhun.spi.household;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A household's income for one year (家庭年收入): gross amounts by {@link IncomeItem}, minus production costs
 * (生产经营性支出), gives net income (家庭纯收入); divided by household size it gives per-capita net income (人均纯收入),
 * the figure compared with the poverty line. Amounts are exact yuan with two decimals.
 *
 * @param householdSize household size the income is shared by in that year (≥ 1)
 */
public record IncomeStatement(
        @NotBlank String householdId,
        @Min(2000) @Max(2100) @org.jingzhun.spi.person.NotFuture int year,
        @NotNull Map<@NotNull IncomeItem, @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal> items,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal productionCosts,
        @Min(1) @Max(30) int householdSize,
        @PositiveOrZero long version) {

    public IncomeStatement {
        EnumMap<IncomeItem, BigDecimal> copy = new EnumMap<>(IncomeItem.class);
        if (items != null) {
            items.forEach((k, v) -> copy.put(k, org.jingzhun.spi.funds.Money.exact(v)));
        }
        items = Collections.unmodifiableMap(copy);
        productionCosts = org.jingzhun.spi.funds.Money.exact(productionCosts);
    }

    /** Amount of one item, zero when absent. */
    public BigDecimal amount(IncomeItem item) {
        BigDecimal v = items.get(item);
        return v == null ? BigDecimal.ZERO.setScale(2) : v;
    }

    /** Net income counting every item. */
    public BigDecimal netIncome() {
        return netIncome(items.keySet());
    }

    /** Net income counting only {@code counted} items (policy packs may exclude one-off payments). */
    public BigDecimal netIncome(Set<IncomeItem> counted) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<IncomeItem, BigDecimal> e : items.entrySet()) {
            if (counted.contains(e.getKey())) {
                sum = sum.add(e.getValue());
            }
        }
        return sum.subtract(productionCosts);
    }

    /** Per-capita net income counting every item, rounded half-up to the fen. */
    public BigDecimal perCapitaNetIncome() {
        return perCapita(netIncome());
    }

    /** Per-capita net income counting only {@code counted} items. */
    public BigDecimal perCapitaNetIncome(Set<IncomeItem> counted) {
        return perCapita(netIncome(counted));
    }

    private BigDecimal perCapita(BigDecimal net) {
        return net.divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_UP);
    }

    /** A copy carrying another version token. */
    public IncomeStatement withVersion(long v) {
        return new IncomeStatement(householdId, year, items, productionCosts, householdSize, v);
    }
}
