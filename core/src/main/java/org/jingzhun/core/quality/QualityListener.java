package org.jingzhun.core.quality;

/**
 * Receives a data-quality scan as it runs (核查进度): each finding, progress after each batch of households, and the
 * chance to cancel. Called on the scanning thread, inside the scan's read.
 */
public interface QualityListener {
    /** A finding not accepted before. */
    void finding(QualityFinding finding);

    /** Households checked and findings reported so far; called after each batch. */
    default void progress(long households, long findings) {
    }

    /** Asked after each batch: true stops the scan, which then reports itself cancelled. */
    default boolean cancelled() {
        return false;
    }
}
