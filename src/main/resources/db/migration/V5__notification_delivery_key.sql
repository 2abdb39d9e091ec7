-- Notifications are delivered in digests: the rows recorded together for the same recipients and
-- channel share a delivery key, and one notification-delivery job sends them as one message.
alter table notification add column delivery_key varchar(200);
create index ix_notification_delivery on notification (delivery_key, status);
