-- The progress report (org.anju.progress.ProgressReport) groups one campaign's households by division,
-- and finds overdue tasks by due date; these keep it fast at a province's volume.
create index ix_household_campaign_township on household (campaign_year, county_code, township_code);
create index ix_problem_status_township on problem (status, township_code);
