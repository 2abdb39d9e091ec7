-- Register imports by county: one row per data row of a file, with the county it concerns and what
-- became of it. The imported rows are written in the transaction that registers them, so the counts
-- of an import that stopped half-way can be told from here; a user who sees only some counties of an
-- import sees only their counties' rows and counts.
create table register_import_row (
  import_id   bigint       not null references register_import (id),
  line_no     bigint       not null,
  -- the row's countyCode when it is a county the uploader may import into, else '' (seen only by
  -- those who see every county of the import)
  county_code varchar(6)   not null,
  -- IMPORTED, SKIPPED or FAILED
  outcome     varchar(8)   not null,
  primary key (import_id, line_no)
);
create index ix_register_import_row_county on register_import_row (county_code, import_id);

-- the county of the row a problem belongs to ('' as above; null for imports before this table)
alter table register_import_error add column county_code varchar(6);

-- whether the import records its rows above (imports before this table do not)
alter table register_import add column rows_recorded boolean not null default false;
