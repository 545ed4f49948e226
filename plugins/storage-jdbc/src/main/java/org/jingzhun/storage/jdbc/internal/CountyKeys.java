package org.jingzhun.storage.jdbc.internal;

import org.jingzhun.spi.household.Household;

/**
 * Household ids carry their county ({@code 341702-00000042}), which is the leading column of every key; these checks
 * keep ids and regions agreeing so that a row always lands in the county (and shard) its id names.
 */
final class CountyKeys {
    private CountyKeys() {
    }

    /** The county code an id starts with, or null when the id has no {@code <6 digits>-} prefix. */
    static String countyOf(String id) {
        if (id == null || id.length() < 8 || id.charAt(6) != '-') {
            return null;
        }
        for (int i = 0; i < 6; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return null;
            }
        }
        return id.substring(0, 6);
    }

    static void requireNew(Household h) {
        if (h.version() != 0) {
            throw new IllegalArgumentException("a new household has version 0, not " + h.version() + ": " + h.id());
        }
        requireMatchingCounty(h);
    }

    static void requireMatchingCounty(Household h) {
        if (!h.countyCode().equals(countyOf(h.id()))) {
            throw new IllegalArgumentException("household id " + h.id() + " must be '" + h.countyCode()
                    + "-<sequence>', the county of its region " + h.region());
        }
    }

    static void requireIncomeCounty(String countyCode, String householdId) {
        if (countyCode == null || !countyCode.equals(countyOf(householdId))) {
            throw new IllegalArgumentException("income statement of household " + householdId
                    + " cannot be stored under county " + countyCode + "; its id names its county");
        }
    }
}
