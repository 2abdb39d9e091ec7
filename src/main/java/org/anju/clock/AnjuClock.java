package org.anju.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * China's clock, the one every "today", due date and deadline is read from: the engine's clock
 * ({@link ClockUtil}, which tests and the benchmark move) in the configured zone ({@code anju.zone},
 * {@code Asia/Shanghai} by default), never the JVM's default zone. On a server in UTC at 07:30 Beijing
 * time it is already tomorrow for a clerk, and a deadline "end of 31 May" ends at midnight in Beijing.
 */
public final class AnjuClock {

  /** China Standard Time, where the campaign's deadlines and every clerk's day are. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private static volatile ZoneId zone = DEFAULT_ZONE;

  private AnjuClock() {}

  /** The zone of Anju's dates; set once at start from {@code anju.zone}. */
  public static ZoneId zone() {
    return zone;
  }

  static void configure(ZoneId configured) {
    zone = configured;
  }

  /** Now, as the engine's clock says. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today's date in Anju's zone. */
  public static LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  /** The day an instant falls on in Anju's zone. */
  public static LocalDate dayOf(Date instant) {
    return LocalDate.ofInstant(instant.toInstant(), zone);
  }

  /** The first moment of a day in Anju's zone, as the engine's dates want it. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }
}
