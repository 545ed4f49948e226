package org.jingzhun.spi.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A resident citizen identity number (公民身份号码, GB 11643-1999): 6-digit address code, birth date YYYYMMDD,
 * 3-digit sequence (odd male, even female) and an ISO 7064 MOD 11-2 check character. Always held in its 18-character
 * upper-case form; {@link #parse(String)} accepts a lower-case {@code x} and upgrades legacy 15-digit numbers
 * (born 19xx, no check character). Address codes of abolished counties stay valid, so only the shape of the address
 * code is checked (a plausible province), not membership in today's division list.
 *
 * <p>{@link #toString()} is the masked form so that an ID never reaches a log by accident.
 *
 * <p>An ID may also be held <em>redacted</em> ({@link #redacted()}): only its first 6 and last 4 characters, the rest
 * {@code *}, as core hands it to a principal who may not see personal data. A redacted ID keeps its sex but has no
 * birth date, cannot be parsed from input, and is refused by every write path.
 */
public record CitizenId(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Earliest birth date accepted; anything before is a typing error in a registry of living people. */
    private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

    private static final java.util.regex.Pattern REDACTED = java.util.regex.Pattern.compile("\\d{6}\\*{8}\\d{3}[0-9X]");

    public CitizenId {
        Objects.requireNonNull(value, "value");
        String problem = REDACTED.matcher(value).matches() ? null : problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid citizen ID " + mask(value) + ": " + problem);
        }
    }

    /** Parses user input: trims, upper-cases {@code x}, and converts a legacy 15-digit number. */
    @JsonCreator
    public static CitizenId parse(String input) {
        Objects.requireNonNull(input, "input");
        String v = input.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.length() == 15 && v.chars().allMatch(Character::isDigit)) {
            String body = v.substring(0, 6) + "19" + v.substring(6);
            v = body + checkCharacter(body);
        }
        if (REDACTED.matcher(v).matches()) {
            throw new IllegalArgumentException("Invalid citizen ID " + v + ": a masked ID cannot be entered");
        }
        return new CitizenId(v);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Why {@code value} is not a valid 18-character ID, or {@code null} when it is. Expects the normalised
     * (upper-case) form; see {@link #parse(String)} for user input.
     */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() != 18) {
            return "must have 18 characters";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                return "the first 17 characters must be digits";
            }
        }
        char last = value.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return "the last character must be a digit or X";
        }
        int province = Integer.parseInt(value.substring(0, 2));
        if (province < 11 || province > 91) {
            return "address code " + value.substring(0, 6) + " names no province";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return "birth date " + value.substring(6, 14) + " is not a date";
        }
        if (birth.isBefore(EARLIEST)) {
            return "birth date " + birth + " is implausibly early";
        }
        char expected = checkCharacter(value);
        if (expected != last) {
            return "check character is " + last + " but should be " + expected;
        }
        return null;
    }

    /** Whether user input (any case, 15 or 18 characters) is a valid ID. */
    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The 6-digit address code of the place of first registration. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    /** The birth date; a redacted ID has none ({@link IllegalStateException}). */
    public LocalDate birthDate() {
        if (isRedacted()) {
            throw new IllegalStateException("a redacted citizen ID has no birth date");
        }
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Age in whole years on {@code date}. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate(), date).getYears();
    }

    /** Whether this is the redacted form (first 6 and last 4 characters only). */
    public boolean isRedacted() {
        return value.indexOf('*') >= 0;
    }

    /** The redacted form of this ID, for principals who may not see personal data; itself when already redacted. */
    public CitizenId redacted() {
        return isRedacted() ? this : new CitizenId(mask(value));
    }

    /** De-identified form for screens, paper and notices: first 6 and last 4 kept, {@code 341702********1234}. */
    public String masked() {
        return mask(value);
    }

    private static String mask(String v) {
        if (v == null || v.length() < 10) {
            return "****";
        }
        return v.substring(0, 6) + "*".repeat(v.length() - 10) + v.substring(v.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
