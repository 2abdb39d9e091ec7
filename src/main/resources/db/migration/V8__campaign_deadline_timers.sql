-- The campaign deadlines inside the case and rectification models (issue 16): a case that lagged when a
-- deadline passed keeps that fact, even after it catches up, so that the campaign's record stays true.
alter table household add column missed_start_deadline boolean default false not null;
alter table household add column missed_completion_deadline boolean default false not null;

-- A problem belongs to the campaign that was running when its check began; it is escalated when still
-- open at the start deadline and reported not cleared (清零见底 failed) when still open at the completion
-- deadline.
alter table problem add column campaign_year integer;
alter table problem add column missed_start_deadline boolean default false not null;
alter table problem add column missed_completion_deadline boolean default false not null;
create index ix_problem_campaign_open on problem (campaign_year, status, county_code);
