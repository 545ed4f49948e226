package org.jingzhun.core.exchange;

/**
 * Hears how an import advances (导入进度监听): called on the importing thread after every chunk and at the end. A
 * listener that throws stops the import like a cancellation would not: the exception propagates.
 */
@FunctionalInterface
public interface ImportListener {
    void progress(ImportProgress progress);

    /** A listener that ignores progress. */
    static ImportListener none() {
        return p -> {
        };
    }
}
