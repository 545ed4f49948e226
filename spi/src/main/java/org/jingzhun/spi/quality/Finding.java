package org.jingzhun.spi.quality;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jingzhun.spi.region.RegionCode;

/**
 * What a data-quality rule found in one household (问题记录): the pack and rule, the severity in force, the record and
 * field, the member concerned, the quoted stored value and the message arguments. The host renders the rule's
 * message from it, masking {@link #value()} by its sensitivity.
 *
 * @param recordRef  which record inside the household, e.g. {@code members[2]}, {@code income 2019},
 *                   {@code monitoring 341702-00000001.2021}; never personal data
 * @param memberName the member concerned, or null for a household-level record
 * @param args       further message arguments (amounts, counts, other household ids), in key order
 * @param failed     true when the rule itself threw: the finding then reports the failure, not the data
 */
public record Finding(String pack, String rule, Severity severity, String householdId, RegionCode region,
        RecordKind record, String recordRef, String memberName, String field, Quoted value, Map<String, String> args,
        boolean failed) {
    public Finding {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        args = args == null || args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(args));
    }
}
