package org.jingzhun.storage.memory;

/**
 * Configuration of the {@code memory} storage (内存存储配置). It has no settings: every storage created is new and
 * empty. A record all the same, so hosts bind and validate it like any other plugin configuration and reject unknown
 * keys.
 */
public record MemoryStorageConfig() {
}
