package org.anju.household;

import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public notice periods of the approval steps, as ISO-8601 durations for the timers
 * ({@code Timer_VillageNotice} and the others): 7 days each unless {@code anju.notice.*-days} says
 * otherwise.
 */
@Component("noticePeriods")
public class NoticePeriods {

  static final int DEFAULT_DAYS = 7;

  private final int villageDays;
  private final int townshipDays;
  private final int countyDays;

  public NoticePeriods(
      @Value("${anju.notice.village-days:7}") int villageDays,
      @Value("${anju.notice.township-days:7}") int townshipDays,
      @Value("${anju.notice.county-days:7}") int countyDays) {
    this.villageDays = checked("village-days", villageDays);
    this.townshipDays = checked("township-days", townshipDays);
    this.countyDays = checked("county-days", countyDays);
  }

  public static NoticePeriods defaults() {
    return new NoticePeriods(DEFAULT_DAYS, DEFAULT_DAYS, DEFAULT_DAYS);
  }

  public String getVillage() {
    return Period.ofDays(villageDays).toString();
  }

  public String getTownship() {
    return Period.ofDays(townshipDays).toString();
  }

  public String getCounty() {
    return Period.ofDays(countyDays).toString();
  }

  private static int checked(String name, int days) {
    if (days < 1 || days > 60) {
      throw new IllegalArgumentException("anju.notice." + name + " must be between 1 and 60, not " + days);
    }
    return days;
  }
}
