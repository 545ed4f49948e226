-- A year's statements of a whole county (target decomposition, plan drafting, monitoring) are read by county and
-- year; the primary keys lead with the household, so without these indexes every such read scans all years.
CREATE INDEX ix_income_statements_year ON income_statements (county_code, income_year, household_id);
CREATE INDEX ix_income_items_year ON income_items (county_code, income_year, household_id);
