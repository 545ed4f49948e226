package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Main structure of the dwelling (住房结构). */
public enum HousingStructure implements CodedEnum {
    REINFORCED_CONCRETE("1", "钢筋混凝土"),
    BRICK_CONCRETE("2", "砖混"),
    BRICK_WOOD("3", "砖木"),
    EARTH_WOOD("4", "土木"),
    OTHER("9", "其他");

    private final String code;
    private final String label;

    HousingStructure(String code, String label) {
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
