package org.anju.tasklist;

/**
 * The variables every process of a case names the same way, which the engine-wide listeners read
 * whatever the process: its county, its campaign year, whether it is a dynamic-guarantee case.
 */
public final class CaseVariables {

  /** The county's division code. */
  public static final Variable<String> COUNTY_CODE = Variable.text("countyCode");
  public static final Variable<String> COUNTY_NAME = Variable.text("countyName");
  /** The township's name, as the case shows it. */
  public static final Variable<String> TOWNSHIP_NAME = Variable.text("townshipName");
  /** The campaign year the case belongs to. */
  public static final Variable<Integer> CAMPAIGN_YEAR = Variable.integer("campaignYear");
  public static final Variable<Boolean> DYNAMIC_GUARANTEE = Variable.flag("dynamicGuarantee");

  private CaseVariables() {}
}
