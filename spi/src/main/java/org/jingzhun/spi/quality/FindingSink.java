package org.jingzhun.spi.quality;

import java.util.Map;
import org.jingzhun.spi.household.Member;

/**
 * Where a rule's check reports what it found (问题上报). The sink knows the pack, the rule and the household, so a
 * check names only the record, the field, the quoted value and any extra message arguments.
 */
public interface FindingSink {
    /**
     * Reports a finding.
     *
     * @param recordRef  which record inside the household (see {@link Finding#recordRef()})
     * @param memberName the member concerned, or null
     * @param value      the stored value quoted (an enum is shown by its label), or null
     * @param args       extra message arguments, or null
     */
    void report(RecordKind record, String recordRef, String memberName, String field, Object value,
            Map<String, ?> args);

    /** A finding on the household card itself. */
    default void household(String field, Object value, Map<String, ?> args) {
        report(RecordKind.HOUSEHOLD, "household", null, field, value, args);
    }

    /** A finding on the member at {@code index} of the household's member list. */
    default void member(int index, Member m, String field, Object value, Map<String, ?> args) {
        report(RecordKind.MEMBER, "members[" + index + "]", m.name(), field, value, args);
    }
}
