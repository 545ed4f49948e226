package org.jingzhun.spi.storage;

import org.jingzhun.spi.ExtensionFactory;

/** Creates a {@link Storage} backend from its typed configuration. */
public interface StorageFactory<C> extends ExtensionFactory<C, Storage> {
}
