-- Jingzhun registry schema, MySQL and MariaDB. Every table carries county_code and every primary key starts with it,
-- so a MySQL-compatible distributed database can shard every table by county_code. utf8mb4 holds every Chinese
-- character (including those outside the BMP, common in rare given names); the binary collation makes ORDER BY id
-- code-point order and keeps ids case-sensitive, as on PostgreSQL and H2.
-- Enumerations are stored as their stable registration-card codes (CodedEnum.code()).

CREATE TABLE regions (
    county_code      CHAR(6)      NOT NULL,
    code             CHAR(12)     NOT NULL,
    name             VARCHAR(60)  NOT NULL,
    rural_population BIGINT       NOT NULL,
    poor             BOOLEAN      NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (county_code, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE households (
    county_code             CHAR(6)      NOT NULL,
    id                      VARCHAR(40)  NOT NULL,
    region_code             CHAR(12)     NOT NULL,
    village_group           VARCHAR(30),
    address                 VARCHAR(200),
    phone                   VARCHAR(20),
    bank_name               VARCHAR(60),
    bank_account            VARCHAR(30),
    standard                VARCHAR(2)   NOT NULL,
    household_type          VARCHAR(2)   NOT NULL,
    main_cause              VARCHAR(2)   NOT NULL,
    other_cause_1           VARCHAR(2),
    other_cause_2           VARCHAR(2),
    flag_military_family    BOOLEAN      NOT NULL,
    flag_one_child          BOOLEAN      NOT NULL,
    flag_two_daughters      BOOLEAN      NOT NULL,
    status                  VARCHAR(2)   NOT NULL,
    identified_year         INTEGER      NOT NULL,
    housing_area            DECIMAL(8,2),
    housing_structure       VARCHAR(2),
    housing_build_year      INTEGER,
    housing_safety          VARCHAR(2),
    safe_drinking_water     BOOLEAN      NOT NULL,
    electricity             BOOLEAN      NOT NULL,
    land_arable             DECIMAL(8,2),
    land_irrigated          DECIMAL(8,2),
    land_forest             DECIMAL(8,2),
    mutual_aid_member       BOOLEAN      NOT NULL,
    mutual_aid_contribution DECIMAL(12,2),
    version                 BIGINT       NOT NULL,
    CONSTRAINT pk_households PRIMARY KEY (county_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_households_region ON households (county_code, region_code, id);

CREATE TABLE members (
    county_code             CHAR(6)      NOT NULL,
    household_id            VARCHAR(40)  NOT NULL,
    seq                     INTEGER      NOT NULL,
    name                    VARCHAR(50)  NOT NULL,
    citizen_id              CHAR(18)     NOT NULL,
    relationship            VARCHAR(2)   NOT NULL,
    ethnicity               CHAR(2)      NOT NULL,
    education               VARCHAR(2)   NOT NULL,
    student_status          VARCHAR(2)   NOT NULL,
    health                  VARCHAR(2)   NOT NULL,
    labour_ability          VARCHAR(2)   NOT NULL,
    migrant_work            VARCHAR(2)   NOT NULL,
    months_worked           INTEGER      NOT NULL,
    insured_rural_medical   BOOLEAN      NOT NULL,
    insured_serious_illness BOOLEAN      NOT NULL,
    insured_rural_pension   BOOLEAN      NOT NULL,
    serving_soldier         BOOLEAN      NOT NULL,
    CONSTRAINT pk_members PRIMARY KEY (county_code, household_id, seq),
    CONSTRAINT fk_members_household FOREIGN KEY (county_code, household_id) REFERENCES households (county_code, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_members_citizen ON members (citizen_id);

CREATE TABLE income_statements (
    county_code      CHAR(6)       NOT NULL,
    household_id     VARCHAR(40)   NOT NULL,
    income_year      INTEGER       NOT NULL,
    production_costs DECIMAL(14,2) NOT NULL,
    household_size   INTEGER       NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_income_statements PRIMARY KEY (county_code, household_id, income_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE income_items (
    county_code  CHAR(6)       NOT NULL,
    household_id VARCHAR(40)   NOT NULL,
    income_year  INTEGER       NOT NULL,
    item         VARCHAR(3)    NOT NULL,
    amount       DECIMAL(14,2) NOT NULL,
    CONSTRAINT pk_income_items PRIMARY KEY (county_code, household_id, income_year, item),
    CONSTRAINT fk_income_items_statement FOREIGN KEY (county_code, household_id, income_year)
        REFERENCES income_statements (county_code, household_id, income_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_log (
    county_code CHAR(6)      NOT NULL,
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    entity_type VARCHAR(40)  NOT NULL,
    entity_id   VARCHAR(100) NOT NULL,
    region_code CHAR(12)     NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor_id    VARCHAR(100) NOT NULL,
    actor_name  VARCHAR(100),
    at_utc      DATETIME(6) NOT NULL,
    reason      LONGTEXT,
    before_json LONGTEXT,
    after_json  LONGTEXT,
    CONSTRAINT pk_audit_log PRIMARY KEY (county_code, seq),
    -- InnoDB wants the AUTO_INCREMENT column first in some index; a plain (non-unique) one keeps the key rule.
    KEY ix_audit_seq (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_audit_entity ON audit_log (entity_type, entity_id, seq);

CREATE TABLE documents (
    county_code CHAR(6)      NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    id          VARCHAR(100) NOT NULL,
    region_code CHAR(12)     NOT NULL,
    doc_year    INTEGER,
    version     BIGINT       NOT NULL,
    body        LONGTEXT         NOT NULL,
    CONSTRAINT pk_documents PRIMARY KEY (county_code, kind, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_documents_region ON documents (county_code, kind, region_code);
