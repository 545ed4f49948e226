-- H2 compares a CHAR column with any other string by converting the other value to CHAR first, and it did so on every
-- comparison of every index search (county codes lead every key): about a tenth of the demo's time went there. The
-- codes are always their full length (region codes 12 digits, county codes 6, citizen IDs 18, ethnicity 2), so
-- VARCHAR holds the same values with the same ordering. PostgreSQL and MySQL/MariaDB keep CHAR; they do not convert.
ALTER TABLE members DROP CONSTRAINT fk_members_household;
ALTER TABLE income_items DROP CONSTRAINT fk_income_items_statement;

ALTER TABLE regions ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE regions ALTER COLUMN code SET DATA TYPE VARCHAR(12);
ALTER TABLE households ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE households ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);
ALTER TABLE members ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE members ALTER COLUMN citizen_id SET DATA TYPE VARCHAR(18);
ALTER TABLE members ALTER COLUMN ethnicity SET DATA TYPE VARCHAR(2);
ALTER TABLE income_statements ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE income_items ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE audit_log ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE audit_log ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);
ALTER TABLE documents ALTER COLUMN county_code SET DATA TYPE VARCHAR(6);
ALTER TABLE documents ALTER COLUMN region_code SET DATA TYPE VARCHAR(12);

ALTER TABLE members ADD CONSTRAINT fk_members_household FOREIGN KEY (county_code, household_id)
    REFERENCES households (county_code, id);
ALTER TABLE income_items ADD CONSTRAINT fk_income_items_statement FOREIGN KEY (county_code, household_id, income_year)
    REFERENCES income_statements (county_code, household_id, income_year);
