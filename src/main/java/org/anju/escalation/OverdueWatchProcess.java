package org.anju.escalation;

/** {@code processes/overdue-watch.bpmn}: the periodic scan for overdue steps. */
public final class OverdueWatchProcess {

  public static final String KEY = "overdue-watch";
  public static final String RESOURCE = "processes/overdue-watch.bpmn";

  private OverdueWatchProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START_EVERY_TEN_MINUTES = "StartEvent_EveryTenMinutes";
    public static final String SERVICE_SCAN_OVERDUE_STEPS = "ServiceTask_ScanOverdueSteps";
    public static final String END_SCAN_DONE = "EndEvent_ScanDone";

    private Elements() {}
  }

  /** Variables. */
  public static final class Vars {
    /** String: the tenants whose county scans the run requested, comma-separated. */
    public static final String COUNTY_SCANS = "countyScans";

    private Vars() {}
  }
}
