package org.jingzhun.spi.policy;

import java.util.Objects;

/**
 * A yes/no outcome of a rule (判定) with its explanation: eligible or not, excluded or not, meets exit criteria or
 * not, risk cleared or not. What "yes" means is given by the rule kind that produced it.
 */
public record Decision(boolean positive, Explanation explanation) {
    public Decision {
        Objects.requireNonNull(explanation, "explanation");
    }

    public static Decision yes(Explanation e) {
        return new Decision(true, e);
    }

    public static Decision no(Explanation e) {
        return new Decision(false, e);
    }
}
