package org.jingzhun.core.registry;

/** One field that a change altered, by JSON path ({@code members[1].health}), with old and new values as text. */
public record FieldChange(String path, String before, String after) {
}
