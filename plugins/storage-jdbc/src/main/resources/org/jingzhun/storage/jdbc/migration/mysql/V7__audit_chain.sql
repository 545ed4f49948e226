-- The audit log becomes a hash chain per county (see org.jingzhun.spi.audit.AuditChain): every entry carries the hash
-- of the county's previous entry and its own. audit_chain_heads holds each county's last sequence and hash; appends
-- lock the county's row (SELECT ... FOR UPDATE), so concurrent writers cannot fork a chain, and number the county's
-- entries from it. Entries written before this version are linked by the Java migration 7.1.
ALTER TABLE audit_log ADD COLUMN prev_hash CHAR(64), ADD COLUMN entry_hash CHAR(64);

CREATE TABLE audit_chain_heads (
    county_code CHAR(6)  NOT NULL,
    last_seq    BIGINT   NOT NULL,
    last_hash   CHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain_heads PRIMARY KEY (county_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
