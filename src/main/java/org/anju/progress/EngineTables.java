package org.anju.progress;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's runtime tables as the dashboard's plain SQL reads them (the management service would need
 * admin rights): their names with the engine's table prefix, and the join from a row of one of them to
 * its household case.
 */
@Component
class EngineTables {

  /** The household columns every case row of the dashboard shows. */
  static final String HOUSEHOLD_COLUMNS = "h.household_id, h.head_name, h.village, h.county_code, h.township_code";

  private final String prefix;

  EngineTables(ProcessEngine engine) {
    String configured = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDatabaseTablePrefix();
    this.prefix = configured == null ? "" : configured;
  }

  /** {@code ACT_RU_TASK} with the engine's prefix. */
  String name(String table) {
    return prefix + table;
  }

  /** Joins a row whose process instance is {@code processInstanceColumn} to its case (alias e) and household (h). */
  String toCase(String processInstanceColumn) {
    return " inner join " + name("ACT_RU_EXECUTION") + " e on e.ID_ = " + processInstanceColumn
        + " inner join household h on h.household_id = e.BUSINESS_KEY_";
  }
}
