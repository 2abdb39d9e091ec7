-- Hazard investigation and rectification (安全隐患排查整治, issue 16): a check of all rural houses of a
-- township or county, each finding with its category, rectified by the three-three method like any problem.
-- check_kind: HOUSING_SECURITY (the key-group households' housing security) or SAFETY_HAZARD.
alter table problem add column check_kind varchar(24);
-- STRUCTURE, FOUNDATION, ROOF, WALLS, FIRE, GEOLOGICAL, ILLEGAL_ALTERATION or OTHER; null when not given
alter table problem add column category varchar(24);
create index ix_problem_category on problem (category, status, township_code);
