-- Completions sent from the field page (/field/, issue 15): each carries an id its phone made, so that a send
-- repeated after a lost answer or a reconnect completes the task once and answers the first outcome again.
create table field_submission (
  submission_id varchar(64) primary key,
  task_id       varchar(64) not null,
  user_id       varchar(64) not null,
  outcome       varchar(20) not null,
  submitted_at  timestamp   not null
);
create index ix_field_submission_task on field_submission (task_id);
-- how far off the phone said its position could be (metres), when the position came from the phone, not EXIF
alter table case_document add column position_accuracy double precision;
