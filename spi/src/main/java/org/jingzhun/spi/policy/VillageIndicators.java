package org.jingzhun.spi.policy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * Extra indicators a village must meet to exit (贫困村出列指标) beyond incidence; which ones count and their thresholds
 * vary by province and are pack parameters.
 *
 * @param collectiveIncome yearly village collective-economy income (村集体经济收入), yuan; {@code null} when unknown
 */
public record VillageIndicators(
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal collectiveIncome,
        boolean hardenedRoad,
        boolean safeDrinkingWater,
        boolean clinic,
        boolean broadband) {
}
