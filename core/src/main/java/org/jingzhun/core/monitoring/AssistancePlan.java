package org.jingzhun.core.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The help a monitored household gets (监测户帮扶计划): the measures and the paired cadre (结对帮扶干部) responsible,
 * from the day they were set.
 *
 * @param measures  what is done, e.g. {@code 公益性岗位}, {@code 医疗救助}; at least one
 * @param cadreId   the paired cadre's id (as in pairing)
 * @param cadreName the paired cadre's name
 */
public record AssistancePlan(List<String> measures, String cadreId, String cadreName, LocalDate from) {
    public AssistancePlan {
        measures = List.copyOf(Objects.requireNonNull(measures, "measures"));
        Objects.requireNonNull(cadreId, "cadreId");
        Objects.requireNonNull(from, "from");
    }
}
