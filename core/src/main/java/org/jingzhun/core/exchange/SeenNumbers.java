package org.jingzhun.core.exchange;

/**
 * The household numbers an import has met, with the row of each, in about 32 bytes per household: a 64-bit
 * FNV-1a fingerprint of the number in an open-addressing table of primitives, so a file of a million households
 * does not hold a million strings to find a number given twice. Two different numbers sharing a fingerprint (about
 * one chance in 10^7 for a million numbers) would be reported as a repeat.
 */
final class SeenNumbers {
    private long[] keys = new long[1 << 12];
    private long[] rows = new long[1 << 12];
    private int size;

    /** Forgets every number. */
    void clear() {
        java.util.Arrays.fill(keys, 0);
        size = 0;
    }

    /** The row where {@code number} was first seen, or -1 after recording it at {@code row}. */
    long putIfAbsent(String number, long row) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long key = fingerprint(number);
        int mask = keys.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask;; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = key;
                rows[i] = row;
                size++;
                return -1;
            }
            if (keys[i] == key) {
                return rows[i];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != 0) {
                int i = (int) (key ^ (key >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                rows[i] = oldRows[j];
            }
        }
    }

    private static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        // 0 marks an empty slot.
        return h == 0 ? 1 : h;
    }

    int size() {
        return size;
    }
}
