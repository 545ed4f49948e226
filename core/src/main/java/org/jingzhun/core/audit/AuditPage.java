package org.jingzhun.core.audit;

import java.util.List;
import org.jingzhun.spi.audit.AuditEntry;
import org.jingzhun.spi.audit.AuditQuery;

/**
 * One page of a county's audit log (审计日志分页), newest first, with the query for the page after it.
 *
 * @param items the entries, newest first
 * @param next  the query for the following page, or null when this page is the last
 */
public record AuditPage(List<AuditEntry> items, AuditQuery next) {
    public AuditPage {
        items = List.copyOf(items);
    }

    /** Whether another page may follow. */
    public boolean hasNext() {
        return next != null;
    }
}
