package org.anju.relocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.anju.clock.AnjuClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a relocated household is visited: at the configured months after it moved in
 * ({@code anju.relocation.follow-up-months}, "3,6,12" by default), each visit due at the start of that day in
 * China. The model's expressions read it: the visits of {@code SubProcess_FollowUpVisit} and the date of
 * {@code Timer_VisitDue}.
 */
@Component("followUpSchedule")
public class FollowUpSchedule {

  public static final String DEFAULT_MONTHS = "3,6,12";
  /** No follow-up of the programme runs longer than ten years. */
  static final int MAX_MONTHS = 120;

  private final List<Integer> months;

  public FollowUpSchedule(@Value("${anju.relocation.follow-up-months:" + DEFAULT_MONTHS + "}") String months) {
    this.months = parse(months);
  }

  /** The configured months, as a new follow-up keeps them ({@code followUpMonths}). */
  public String months() {
    return months.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /**
   * The months of one follow-up, as it kept them at its start: the collection of {@code SubProcess_FollowUpVisit}.
   * A follow-up keeps its own schedule, so that a change of the configuration applies to households relocated
   * after it and never moves or drops a visit already planned.
   */
  public List<Integer> monthsOf(String kept) {
    return parse(kept);
  }

  /** The first moment of the visit's day in China: {@code months} after the move-in date. */
  public Date visitDue(String moveInDate, Number months) {
    return AnjuClock.startOf(visitDay(LocalDate.parse(moveInDate), months.intValue()));
  }

  static LocalDate visitDay(LocalDate moveIn, int months) {
    return moveIn.plusMonths(months);
  }

  /** The visit as the task's name and form show it. */
  public String visitName(Number months) {
    return "入住 " + months + " 个月回访 " + months + "-month visit";
  }

  private static List<Integer> parse(String text) {
    List<Integer> parsed = new ArrayList<>();
    String problem = null;
    for (String part : String.valueOf(text).split(",", -1)) {
      int value;
      try {
        value = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        problem = "'" + part.strip() + "' is not a whole number";
        break;
      }
      if (value < 1 || value > MAX_MONTHS) {
        problem = value + " is not between 1 and " + MAX_MONTHS;
        break;
      }
      if (!parsed.isEmpty() && value <= parsed.get(parsed.size() - 1)) {
        problem = "the months must increase";
        break;
      }
      parsed.add(value);
    }
    if (problem != null) {
      // a schedule that cannot be read must stop the start, not plan visits nobody meant
      throw new IllegalArgumentException("anju.relocation.follow-up-months must list months after move-in,"
          + " e.g. " + DEFAULT_MONTHS + ", not '" + text + "': " + problem);
    }
    return List.copyOf(parsed);
  }
}
