package org.jingzhun.core.target;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Largest-remainder apportionment (最大余额法) of a whole number among parts, by weight and under caps: the tool that
 * decomposes a county's reduction target to townships and villages. Pure and deterministic.
 *
 * <p>Rule: each part's exact quota is {@code total × weight ÷ Σweights}; every part first gets the whole part of its
 * quota, and the units left go one each to the largest fractional remainders, ties going to the larger weight, then
 * to the earlier part. A part whose share would exceed its cap gets its cap, and what it could not take is
 * apportioned again, by the same rule, among the parts still below their caps (by their remaining room when all of
 * their weights are zero). Hence: shares sum exactly to the total, no share exceeds its cap or is negative, and when
 * no cap binds every share is its quota rounded down or up.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * Apportions {@code total} by {@code weights} under {@code caps}.
     *
     * @throws IllegalArgumentException when the arrays differ in length, a value is negative, or the total exceeds
     *         the sum of the caps
     */
    public static long[] apportion(long total, long[] weights, long[] caps) {
        if (weights.length != caps.length) {
            throw new IllegalArgumentException("weights and caps differ in length");
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0");
        }
        long capSum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || caps[i] < 0) {
                throw new IllegalArgumentException("weights and caps must be >= 0");
            }
            capSum = Math.addExact(capSum, caps[i]);
        }
        if (total > capSum) {
            throw new IllegalArgumentException("total " + total + " exceeds the caps' sum " + capSum);
        }
        int n = weights.length;
        // Water-filling first, rounding once: parts whose exact quota reaches their cap are fixed at the cap, and the
        // rest is re-quoted among the others until no further cap binds; only then is the remainder rounded by
        // largest remainder. Rounding inside each pass (as an earlier version did) rounds twice and can give a part
        // less after its weight grew.
        boolean[] capped = new boolean[n];
        boolean anyWeightLeft = false;
        for (int i = 0; i < n; i++) {
            capped[i] = caps[i] == 0;
            anyWeightLeft |= !capped[i] && weights[i] > 0;
        }
        // When every open part has weight zero, share by each part's room instead.
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = anyWeightLeft ? weights[i] : caps[i];
        }
        long remaining = total;
        boolean changed = true;
        while (changed) {
            changed = false;
            remaining = total;
            BigInteger open = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                if (capped[i]) {
                    remaining -= caps[i];
                } else {
                    open = open.add(BigInteger.valueOf(w[i]));
                }
            }
            if (open.signum() == 0) {
                // The parts with weight are all at their caps: the rest goes to the others by their room.
                boolean switched = false;
                for (int i = 0; i < n; i++) {
                    if (!capped[i] && w[i] == 0 && caps[i] > 0) {
                        w[i] = caps[i];
                        switched = true;
                    }
                }
                if (switched && remaining > 0) {
                    changed = true;
                    continue;
                }
                break;
            }
            BigInteger r = BigInteger.valueOf(remaining);
            for (int i = 0; i < n; i++) {
                // quota_i = r * w_i / open reaches cap_i  <=>  r * w_i >= cap_i * open
                if (!capped[i] && r.multiply(BigInteger.valueOf(w[i]))
                        .compareTo(BigInteger.valueOf(caps[i]).multiply(open)) >= 0) {
                    capped[i] = true;
                    changed = true;
                }
            }
        }
        long[] share = new long[n];
        long[] openWeights = new long[n];
        boolean anyOpen = false;
        for (int i = 0; i < n; i++) {
            if (capped[i]) {
                share[i] = caps[i];
            } else {
                openWeights[i] = w[i];
                anyOpen |= w[i] > 0;
            }
        }
        if (remaining > 0 && anyOpen) {
            long[] rounded = largestRemainder(remaining, openWeights);
            for (int i = 0; i < n; i++) {
                share[i] += rounded[i];
            }
        } else if (remaining != 0) {
            throw new IllegalStateException("apportionment did not converge");
        }
        return share;
    }

    /** Plain largest remainder without caps; {@code weights} must not all be zero when {@code total > 0}. */
    static long[] largestRemainder(long total, long[] weights) {
        int n = weights.length;
        long[] share = new long[n];
        if (total == 0) {
            return share;
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("cannot apportion " + total + " by zero weights");
        }
        BigInteger t = BigInteger.valueOf(total);
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = t.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            share[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += share[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.<Integer>comparingLong(i -> weights[i]).reversed())
                .thenComparing(Comparator.naturalOrder()));
        long left = total - given;
        for (int k = 0; k < left; k++) {
            share[order.get(k)]++;
        }
        return share;
    }
}
