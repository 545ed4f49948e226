package org.jingzhun.spi.person;

/** Sex (性别) as encoded in the citizen ID's sequence digit: odd male, even female. */
public enum Sex {
    MALE("1", "男"),
    FEMALE("2", "女");

    private final String code;
    private final String label;

    Sex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** GB/T 2261.1 code. */
    public String code() {
        return code;
    }

    /** zh-CN label. */
    public String label() {
        return label;
    }
}
