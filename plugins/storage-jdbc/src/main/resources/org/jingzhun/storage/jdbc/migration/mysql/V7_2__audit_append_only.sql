-- Every entry is linked now (migration 7.1), and from here on the database itself keeps audit_log append-only:
-- triggers refuse every UPDATE and DELETE, whoever runs them (TRUNCATE is DDL and fires no trigger; grant the
-- application user no DROP on the schema to close it). Dropping the triggers gets around them, and a changed or
-- removed entry then breaks the hash chain, which audit().verify reports. With binary logging on, creating a trigger
-- needs the SUPER privilege or log_bin_trust_function_creators=1 for the migrating user.
ALTER TABLE audit_log MODIFY prev_hash CHAR(64) NOT NULL, MODIFY entry_hash CHAR(64) NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: UPDATE refused';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: DELETE refused';
