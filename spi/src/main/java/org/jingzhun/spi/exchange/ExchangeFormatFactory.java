package org.jingzhun.spi.exchange;

import org.jingzhun.spi.ExtensionFactory;

/**
 * Creates an {@link ExchangeFormat} (交换格式) from its typed configuration, bound and validated by the host exactly as
 * a storage factory's. {@link #name()} is the stable name hosts choose a format by, e.g. {@code xlsx}.
 *
 * @param <C> configuration record with Bean Validation constraints
 */
public interface ExchangeFormatFactory<C> extends ExtensionFactory<C, ExchangeFormat> {
}
