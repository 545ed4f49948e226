package org.jingzhun.spi.policy;

import org.jingzhun.spi.CodedEnum;

/** The three kinds of monitored household (监测对象类别) of the relapse-prevention mechanism from 2021. */
public enum MonitoringCategory implements CodedEnum {
    /** Exited but unstable (脱贫不稳定户). */
    UNSTABLE_EXITED("1", "脱贫不稳定户"),
    /** Never registered but close to the line (边缘易致贫户). */
    MARGINAL("2", "边缘易致贫户"),
    /** Sudden severe hardship (突发严重困难户): rigid spending far above income. */
    SUDDEN_HARDSHIP("3", "突发严重困难户");

    private final String code;
    private final String label;

    MonitoringCategory(String code, String label) {
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
