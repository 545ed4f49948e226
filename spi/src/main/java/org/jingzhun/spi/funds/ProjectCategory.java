package org.jingzhun.spi.funds;

import org.jingzhun.spi.CodedEnum;

/** What a poverty-alleviation project (扶贫项目) builds or pays for. */
public enum ProjectCategory implements CodedEnum {
    INDUSTRY("01", "产业发展"),
    INFRASTRUCTURE("02", "基础设施"),
    HOUSING("03", "安居工程"),
    EDUCATION("04", "教育扶贫"),
    HEALTH("05", "健康扶贫"),
    EMPLOYMENT("06", "就业扶贫"),
    FINANCE("07", "金融扶贫"),
    OTHER("99", "其他");

    private final String code;
    private final String label;

    ProjectCategory(String code, String label) {
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
