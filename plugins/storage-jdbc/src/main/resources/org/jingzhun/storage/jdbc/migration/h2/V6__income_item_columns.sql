-- Income items move from their own table onto the statement row: one nullable DECIMAL(14,2) column per item,
-- named item_<card code>. The demo's ~245,000 income_items rows were each written into three B-trees (the row, its
-- primary key and V4's ix_income_items_year) and read back one row per item; as columns they are written and read
-- with the statement they belong to. NULL is an item the statement does not have; 0.00 is an item present with a
-- zero amount. Existing items are copied into the columns (one UPDATE, one primary-key lookup per item), then the
-- table goes, and its foreign key and V4 index with it.
-- H2 commits DDL implicitly, so this migration is not atomic: a failure after the first ALTER leaves columns in
-- place (drop them before retrying).

ALTER TABLE income_statements ADD COLUMN item_101 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_201 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_301 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_401 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_402 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_403 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_404 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_405 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_409 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_451 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_452 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_453 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_454 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_455 DECIMAL(14,2);
ALTER TABLE income_statements ADD COLUMN item_456 DECIMAL(14,2);

UPDATE income_statements SET
    item_101 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '101'),
    item_201 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '201'),
    item_301 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '301'),
    item_401 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '401'),
    item_402 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '402'),
    item_403 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '403'),
    item_404 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '404'),
    item_405 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '405'),
    item_409 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '409'),
    item_451 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '451'),
    item_452 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '452'),
    item_453 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '453'),
    item_454 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '454'),
    item_455 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '455'),
    item_456 = (SELECT i.amount FROM income_items i WHERE i.county_code = income_statements.county_code
        AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year
        AND i.item = '456')
WHERE EXISTS (SELECT 1 FROM income_items i WHERE i.county_code = income_statements.county_code
    AND i.household_id = income_statements.household_id AND i.income_year = income_statements.income_year);

DROP TABLE income_items;
