package org.jingzhun.core.training;

import java.util.Map;
import org.jingzhun.spi.region.RegionCode;

/**
 * Training figures of an area and year (培训统计): courses and participants by kind, people who completed, class
 * hours attended, certificates obtained and labourers employed after their course.
 */
public record TrainingStatistics(RegionCode area, int year, Map<TrainingKind, Long> courses,
        Map<TrainingKind, Long> participants, long completed, long hours, long certificates, long employedAfter) {
    public TrainingStatistics {
        courses = Map.copyOf(courses);
        participants = Map.copyOf(participants);
    }
}
