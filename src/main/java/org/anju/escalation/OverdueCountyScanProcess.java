package org.anju.escalation;

/**
 * {@code processes/overdue-county-scan.bpmn}: the overdue scan of one county's steps, one instance per county
 * and run of the overdue watch, its work an asynchronous job that any node of a cluster may take.
 */
public final class OverdueCountyScanProcess {

  public static final String KEY = "overdue-county-scan";
  public static final String RESOURCE = "processes/overdue-county-scan.bpmn";

  private OverdueCountyScanProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START_COUNTY_SCAN_REQUESTED = "StartEvent_CountyScanRequested";
    public static final String SERVICE_SCAN_COUNTY_OVERDUE_STEPS = "ServiceTask_ScanCountyOverdueSteps";
    public static final String END_COUNTY_SCANNED = "EndEvent_CountyScanned";

    private Elements() {}
  }

  /** Variables. */
  public static final class Vars {
    /** String: the county's tenant whose steps are scanned; {@link OverdueScan#NO_TENANT} for steps of none. */
    public static final String TENANT = "tenant";
    /** Date: the moment of the watch's run; steps due before it are overdue. */
    public static final String SCAN_AT = "scanAt";
    /** Integer: how many of the county's steps were overdue. */
    public static final String OVERDUE_STEPS = "overdueSteps";
    /** Integer: how many notifications the scan recorded. */
    public static final String NOTIFICATIONS_RECORDED = "notificationsRecorded";

    private Vars() {}
  }
}
