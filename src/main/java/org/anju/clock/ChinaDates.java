package org.anju.clock;

import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * {@link AnjuClock} for the models' expressions: a due date the model takes from a form's ISO date
 * ({@code ${chinaDates.startOf(rectifyDeadline)}}) starts at midnight in China, not in the JVM's zone,
 * as the engine would read the bare string.
 */
@Component("chinaDates")
public class ChinaDates {

  public Date startOf(String isoDate) {
    return AnjuClock.startOf(LocalDate.parse(isoDate));
  }
}
