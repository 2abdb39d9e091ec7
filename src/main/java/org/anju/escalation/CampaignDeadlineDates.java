package org.anju.escalation;

import java.time.LocalDate;
import java.util.Optional;

import org.anju.tasklist.Step.CampaignDeadline;

/**
 * The dates of a campaign's deadlines, as the campaign package keeps them: the due dates need them,
 * and this interface keeps escalation from depending on the campaign package, which notifies through it.
 */
public interface CampaignDeadlineDates {

  /** The last day of {@code deadline} in the campaign of {@code year}, when that campaign exists. */
  Optional<LocalDate> lastDay(int year, CampaignDeadline deadline);
}
