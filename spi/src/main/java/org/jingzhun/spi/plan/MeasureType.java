package org.jingzhun.spi.plan;

import org.jingzhun.spi.CodedEnum;

/**
 * Type of an assistance measure (帮扶措施类型): the catalogue from which household plans (一户一策) and village
 * projects (一村一策) draw. Codes are stable and appear in exchange files; the label is the zh-CN name as printed.
 */
public enum MeasureType implements CodedEnum {
    INDUSTRY("01", "产业扶贫"),
    EMPLOYMENT("02", "就业扶贫"),
    SKILLS_TRAINING("03", "技能培训"),
    EDUCATION("04", "教育扶贫"),
    HEALTH("05", "健康扶贫"),
    HOUSING_RENOVATION("06", "危房改造"),
    RELOCATION("07", "易地扶贫搬迁"),
    MICROCREDIT("08", "扶贫小额信贷"),
    SOCIAL_SECURITY("09", "社会保障兜底"),
    ECOLOGICAL_JOBS("10", "生态公益岗位"),
    ASSET_INCOME("11", "资产收益扶贫"),
    INFRASTRUCTURE("12", "基础设施建设");

    private final String code;
    private final String label;

    MeasureType(String code, String label) {
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
