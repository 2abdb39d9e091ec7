-- What each mail recipient got of each notification. A digest goes to every address as a message of its
-- own, so that one address the server refuses keeps no one else from their mail, and an address served
-- once (SENT, or UNCONFIRMED: the message went out but the server's reply was lost) is never sent it again.
create table notification_recipient (
  notification_id bigint        not null references notification (id),
  address         varchar(320)  not null,
  status          varchar(16)   not null,
  message_id      varchar(200)  not null,
  reply           varchar(1000),
  recorded_at     timestamp     not null,
  primary key (notification_id, address)
);
