package org.jingzhun.spi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash chain of a county's audit log (审计哈希链), the one definition storages use when they append and core uses
 * when it verifies. An entry's hash is the SHA-256, in lower-case hex, of an unambiguous encoding of its fields:
 * the format tag {@code jingzhun-audit-v1}, then county, sequence, entity type and id, region, action, actor id and
 * name, time, reason, before, after and the previous hash, each text as a 4-byte big-endian length and its UTF-8
 * bytes (length -1 for null), the sequence as 8 bytes and the time as 8 bytes of microseconds since the epoch. The
 * first entry of a county links to {@link #GENESIS}, sixty-four zeros. Changing any field of a stored entry, or
 * inserting or dropping one, breaks the chain at or after that point; whoever can write the table and recompute
 * every later hash can still rewrite history, so a county that needs that guarantee too keeps its latest hash
 * elsewhere as well.
 */
public final class AuditChain {
    /** The previous hash of a county's first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] TAG = "jingzhun-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The hash {@code entry} must carry, computed from its fields and its {@code prevHash}. */
    public static String hash(AuditEntry entry) {
        MessageDigest sha = sha256();
        sha.update(TAG);
        text(sha, entry.countyCode());
        number(sha, entry.sequence());
        text(sha, entry.entityType());
        text(sha, entry.entityId());
        text(sha, entry.region().value());
        text(sha, entry.action());
        text(sha, entry.actorId());
        text(sha, entry.actorName());
        number(sha, ChronoUnit.MICROS.between(Instant.EPOCH, entry.at()));
        text(sha, entry.reason());
        text(sha, entry.before());
        text(sha, entry.after());
        text(sha, entry.prevHash());
        return HEX.formatHex(sha.digest());
    }

    /** {@code entry} as stored at {@code sequence} after the entry whose hash is {@code prevHash}, with its hash. */
    public static AuditEntry link(AuditEntry entry, long sequence, String prevHash) {
        Objects.requireNonNull(prevHash, "prevHash");
        AuditEntry linked = new AuditEntry(sequence, entry.entityType(), entry.entityId(), entry.region(),
                entry.action(), entry.actorId(), entry.actorName(), entry.at(), entry.reason(), entry.before(),
                entry.after(), prevHash, null);
        return new AuditEntry(sequence, linked.entityType(), linked.entityId(), linked.region(), linked.action(),
                linked.actorId(), linked.actorName(), linked.at(), linked.reason(), linked.before(), linked.after(),
                prevHash, hash(linked));
    }

    /** A check of one county's chain, fed its entries in sequence order. */
    public static Verifier verifier(String countyCode) {
        return new Verifier(countyCode);
    }

    /**
     * Walks a county's entries in sequence order and stops at the first broken link. Sequences may have gaps (a
     * database may skip numbers), so entries are linked by their previous hash alone.
     */
    public static final class Verifier {
        private final String countyCode;
        private String expectedPrev = GENESIS;
        private long checked;
        private long lastSequence;
        private AuditVerification broken;

        private Verifier(String countyCode) {
            this.countyCode = Objects.requireNonNull(countyCode, "countyCode");
        }

        /** Checks the next entry; returns false once the chain is broken (later entries are not looked at). */
        public boolean accept(AuditEntry entry) {
            if (broken != null) {
                return false;
            }
            checked++;
            AuditVerification.Problem problem = null;
            if (!countyCode.equals(entry.countyCode())) {
                problem = AuditVerification.Problem.OTHER_COUNTY;
            } else if (checked > 1 && entry.sequence() <= lastSequence) {
                problem = AuditVerification.Problem.OUT_OF_ORDER;
            } else if (entry.hash() == null || !entry.hash().equals(hash(entry))) {
                problem = AuditVerification.Problem.HASH_MISMATCH;
            } else if (!expectedPrev.equals(entry.prevHash())) {
                problem = AuditVerification.Problem.PREV_LINK_BROKEN;
            }
            if (problem != null) {
                broken = new AuditVerification(countyCode, checked, entry.sequence(), problem,
                        checked > 1 ? lastSequence : null);
                return false;
            }
            expectedPrev = entry.hash();
            lastSequence = entry.sequence();
            return true;
        }

        /** The outcome so far: the first broken link, or an intact chain of the entries seen. */
        public AuditVerification result() {
            return broken != null ? broken : new AuditVerification(countyCode, checked, null, null, null);
        }
    }

    private static void text(MessageDigest sha, String s) {
        if (s == null) {
            number32(sha, -1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        number32(sha, bytes.length);
        sha.update(bytes);
    }

    private static void number32(MessageDigest sha, int v) {
        sha.update((byte) (v >>> 24));
        sha.update((byte) (v >>> 16));
        sha.update((byte) (v >>> 8));
        sha.update((byte) v);
    }

    private static void number(MessageDigest sha, long v) {
        number32(sha, (int) (v >>> 32));
        number32(sha, (int) v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
