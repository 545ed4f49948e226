-- Every entry is linked now (migration 7.1), and from here on the database itself keeps audit_log append-only: a
-- trigger refuses every UPDATE and DELETE, and TRUNCATE, whoever runs them. Only dropping the triggers (the table
-- owner) gets around it, and a changed or removed entry then breaks the hash chain, which audit().verify reports.
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN entry_hash SET NOT NULL;

CREATE FUNCTION jingzhun_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = '45000';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION jingzhun_audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION jingzhun_audit_log_append_only();
