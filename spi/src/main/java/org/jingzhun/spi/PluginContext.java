package org.jingzhun.spi;

import java.time.Clock;

/** What the host gives a plugin factory when creating an extension: the clock to use for every timestamp. */
public interface PluginContext {
    Clock clock();
}
