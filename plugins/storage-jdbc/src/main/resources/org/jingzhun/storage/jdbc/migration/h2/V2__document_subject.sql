-- Secondary key of documents: what a document is about (usually a household id), so core finds a household's open
-- case or current cadre without scanning. Scoped by county like every other key.
ALTER TABLE documents ADD COLUMN subject VARCHAR(100);
CREATE INDEX ix_documents_subject ON documents (county_code, kind, subject);
