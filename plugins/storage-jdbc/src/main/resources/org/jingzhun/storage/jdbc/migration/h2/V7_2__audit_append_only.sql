-- Every entry is linked now (migration 7.1), and from here on the database itself keeps audit_log append-only: a
-- trigger (a Java class shipped with this plugin) refuses every UPDATE and DELETE. TRUNCATE fires no trigger in H2.
-- Dropping the trigger gets around it, and a changed or removed entry then breaks the hash chain, which
-- audit().verify reports.
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN entry_hash SET NOT NULL;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW
    CALL 'org.jingzhun.storage.jdbc.internal.H2AppendOnlyTrigger';
