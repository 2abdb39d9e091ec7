package org.anju.escalation;

/** {@code processes/notification-delivery.bpmn}: one instance per notification, its delivery a retried job. */
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
    /** Long: the row of the notification log. */
    public static final String NOTIFICATION_ID = "notificationId";

    private Vars() {}
  }
}
