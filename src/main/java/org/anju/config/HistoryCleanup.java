package org.anju.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets the engine's history cleanup run: every night in a window of China's time ({@code
 * anju.history.cleanup-window}, 01:00-05:00 by default), removing what has outlived its process's history
 * time to live, counted from the instance's end. Without a window the cleanup never runs, while the overdue
 * watch starts an instance every ten minutes and every notification its delivery job. The engine reads
 * the window in the JVM's zone, so it is converted from {@code anju.zone} here.
 */
@Component
class HistoryCleanup extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;

  HistoryCleanup(@Value("${anju.history.cleanup-window:01:00-05:00}") String window,
      @Value("${anju.zone:Asia/Shanghai}") String zone) {
    String[] times = window.split("-", 2);
    this.start = LocalTime.parse(times[0].strip());
    this.end = LocalTime.parse(times[1].strip());
    this.zone = ZoneId.of(zone);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupBatchWindowStartTime(inJvmZone(start));
    configuration.setHistoryCleanupBatchWindowEndTime(inJvmZone(end));
    configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
  }

  /** The time of day in the JVM's zone when it is {@code time} in Anju's zone. */
  private String inJvmZone(LocalTime time) {
    return time.atDate(LocalDate.now(zone)).atZone(zone).withZoneSameInstant(ZoneId.systemDefault()).format(HOURS);
  }
}
