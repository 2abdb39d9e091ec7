package org.anju.escalation;

/**
 * {@code processes/notification-delivery.bpmn}: one instance per delivery (a digest of the notifications
 * recorded together for the same recipients and channel), its sending a retried job.
 */
public final class NotificationDeliveryProcess {

  public static final String KEY = "notification-delivery";
  public static final String RESOURCE = "processes/notification-delivery.bpmn";

  private NotificationDeliveryProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START_NOTIFICATION_RECORDED = "StartEvent_NotificationRecorded";
    public static final String SERVICE_DELIVER_NOTIFICATION = "ServiceTask_DeliverNotification";
    public static final String END_NOTIFICATION_DELIVERED = "EndEvent_NotificationDelivered";

    private Elements() {}
  }

  /** Variables. */
  public static final class Vars {
    /** String: the delivery key its notifications share in the log. */
    public static final String DELIVERY_KEY = "deliveryKey";
    /** Long: the one row of the log that instances started before digests deliver. */
    public static final String NOTIFICATION_ID = "notificationId";

    private Vars() {}
  }
}
