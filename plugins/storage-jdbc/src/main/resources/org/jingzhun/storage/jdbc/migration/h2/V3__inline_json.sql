-- H2 keeps CHARACTER LARGE OBJECT values beyond a few hundred characters in a separate LOB store, written and read
-- apart from the row; every audit entry and document paid that. JSON here stays far below H2's 1,000,000-character
-- VARCHAR limit (a household with thirty members is about 20,000), so keep it inline with the row.
ALTER TABLE audit_log ALTER COLUMN reason SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE audit_log ALTER COLUMN before_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE audit_log ALTER COLUMN after_json SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE documents ALTER COLUMN body SET DATA TYPE CHARACTER VARYING(1000000);
