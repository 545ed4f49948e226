package org.jingzhun.core;

/** A value with the storage version it was read or written at (the optimistic-lock token). */
public record Versioned<T>(T value, long version) {
}
