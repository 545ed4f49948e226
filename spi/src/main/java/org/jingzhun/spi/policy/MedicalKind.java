package org.jingzhun.spi.policy;

import org.jingzhun.spi.CodedEnum;

/** Whether a medical cost was a hospital stay (住院) or chronic-disease outpatient care (慢性病门诊). */
public enum MedicalKind implements CodedEnum {
    INPATIENT("1", "住院"),
    CHRONIC_OUTPATIENT("2", "慢性病门诊");

    private final String code;
    private final String label;

    MedicalKind(String code, String label) {
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
