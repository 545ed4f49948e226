package org.jingzhun.testkit;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Opens the storage of an {@link AbstractStoragePropertyTest} before its property runs, and skips the property when the
 * backend aborts (a JUnit assumption, such as a test database that is down). jqwik would otherwise count an abort in
 * a hook as an error, or every aborted try as a rejection and fail the property as exhausted.
 */
public final class SkipWhenStorageIsUnavailable implements SkipExecutionHook {
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (context instanceof PropertyLifecycleContext property
                && property.testInstance() instanceof AbstractStoragePropertyTest test) {
            String reason = test.openStorage();
            return reason == null ? SkipResult.doNotSkip() : SkipResult.skip(reason);
        }
        return SkipResult.doNotSkip();
    }
}
