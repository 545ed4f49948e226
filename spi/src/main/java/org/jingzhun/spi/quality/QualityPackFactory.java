package org.jingzhun.spi.quality;

import org.jingzhun.spi.ExtensionFactory;

/**
 * Creates a data-quality pack (数据质量规则包) from its typed configuration; hosts choose packs by {@link #name()} and
 * bind their key/value settings to {@link #configType()} (usually {@link QualityPackConfig}).
 */
public interface QualityPackFactory<C> extends ExtensionFactory<C, QualityPack> {
}
