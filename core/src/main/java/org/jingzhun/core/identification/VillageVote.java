package org.jingzhun.core.identification;

/**
 * The villagers' representatives' vote in a democratic review (民主评议): counts for, against and abstaining. It
 * passes with a majority of the votes cast (abstentions count as cast).
 */
public record VillageVote(int inFavour, int against, int abstained) {
    /** Whether the counts are non-negative and at least one vote was cast. */
    public boolean valid() {
        return inFavour >= 0 && against >= 0 && abstained >= 0 && inFavour + against + abstained > 0;
    }

    /** More than half of the votes cast are in favour. */
    public boolean passes() {
        return valid() && inFavour * 2 > inFavour + against + abstained;
    }

    @Override
    public String toString() {
        return "赞成 " + inFavour + " / 反对 " + against + " / 弃权 " + abstained;
    }
}
