package org.jingzhun.core.training;

import org.jingzhun.spi.CodedEnum;

/**
 * What a course is (培训类别): a labourer's skills course (技能培训), a Yulu plan vocational school year (雨露计划), or
 * cadre training (扶贫干部培训).
 */
public enum TrainingKind implements CodedEnum {
    SKILLS("1", "劳动力技能培训"),
    YULU("2", "雨露计划职业教育"),
    CADRE("3", "扶贫干部培训");

    private final String code;
    private final String label;

    TrainingKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
