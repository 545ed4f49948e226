package org.jingzhun.spi.household;

import org.jingzhun.spi.CodedEnum;

/** Relationship to the household head (与户主关系). */
public enum Relationship implements CodedEnum {
    HEAD("01", "户主"),
    SPOUSE("02", "配偶"),
    SON("03", "之子"),
    DAUGHTER("04", "之女"),
    DAUGHTER_IN_LAW("05", "之儿媳"),
    SON_IN_LAW("06", "之女婿"),
    GRANDSON("07", "之孙子"),
    GRANDDAUGHTER("08", "之孙女"),
    GREAT_GRANDCHILD("09", "之曾孙子女"),
    FATHER("10", "之父"),
    MOTHER("11", "之母"),
    FATHER_IN_LAW("12", "之公公/岳父"),
    MOTHER_IN_LAW("13", "之婆婆/岳母"),
    GRANDFATHER("14", "之祖父"),
    GRANDMOTHER("15", "之祖母"),
    BROTHER("16", "之兄弟"),
    SISTER("17", "之姐妹"),
    GRANDSON_IN_LAW("18", "之孙媳妇/孙女婿"),
    NEPHEW("19", "之侄子"),
    NIECE("20", "之侄女"),
    OTHER("99", "其他");

    private final String code;
    private final String label;

    Relationship(String code, String label) {
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
