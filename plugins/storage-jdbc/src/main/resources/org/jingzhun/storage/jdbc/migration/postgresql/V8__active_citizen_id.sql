-- A citizen ID is active in at most one household, kept by the database: members.active_citizen_id is the member's
-- citizen ID while the household is active (status other than 9, removed) and NULL otherwise, written by the storage
-- with every member row and rewritten when a household becomes active or inactive. The unique index ignores NULLs.
-- It is global, not per county (a national ID is unique across counties), so unlike every other unique index it does
-- not start with county_code: on Citus, members must stay a local (or reference) table or the rule be kept elsewhere.
-- Fails when the data already breaks the rule; list the offenders with
--   SELECT citizen_id, COUNT(*) FROM members m JOIN households h ON h.county_code = m.county_code
--   AND h.id = m.household_id WHERE h.status <> '9' GROUP BY citizen_id HAVING COUNT(*) > 1;
ALTER TABLE members ADD COLUMN active_citizen_id CHAR(18) COLLATE "C";

UPDATE members m SET active_citizen_id = m.citizen_id
FROM households h
WHERE h.county_code = m.county_code AND h.id = m.household_id AND h.status <> '9';

CREATE UNIQUE INDEX ux_members_active_citizen ON members (active_citizen_id);
