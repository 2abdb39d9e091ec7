package org.anju.relocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The visits' schedule as {@code anju.relocation.follow-up-months} configures it. */
class FollowUpScheduleTest {

  @Test
  void shouldDueAVisitAtTheStartOfItsDayInChinaMonthsAfterTheMoveIn() {
    FollowUpSchedule schedule = new FollowUpSchedule(" 1, 24 ");

    assertThat(schedule.months()).isEqualTo("1,24");
    // midnight in Beijing is 16:00 UTC the day before, whatever zone the server runs in
    assertThat(schedule.visitDue("2026-03-15", 1).toInstant()).isEqualTo(Instant.parse("2026-04-14T16:00:00Z"));
    // a move-in on the 31st is visited on the last day of a shorter month
    assertThat(FollowUpSchedule.visitDay(LocalDate.parse("2026-08-31"), 6)).isEqualTo(LocalDate.parse("2027-02-28"));
  }

  @Test
  void shouldKeepAFollowUpsOwnMonthsWhateverIsConfiguredNow() {
    assertThat(new FollowUpSchedule("6").monthsOf("3,6,12")).containsExactly(3, 6, 12);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "3,,12", "3;6", "6,3", "3,3", "0,6", "3,121"})
  void shouldRefuseToStartWithAScheduleItCannotRead(String months) {
    assertThatThrownBy(() -> new FollowUpSchedule(months)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("anju.relocation.follow-up-months").hasMessageContaining("'" + months + "'");
  }
}
