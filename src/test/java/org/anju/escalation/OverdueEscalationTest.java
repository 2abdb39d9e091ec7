package org.anju.escalation;

import org.anju.clock.AnjuClock;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_CONFIRM_IDENTIFICATION;
import static org.anju.household.HouseholdCaseProcess.Elements.TASK_VERIFY_HOUSING;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.anju.campaign.Campaign;
import org.anju.campaign.CampaignCalendar;
import org.anju.demo.CaseWalker;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Overdue steps on H2 ({@link OverdueEscalation}), and the due dates every step gets: its step's
 * limit in its county, capped by the campaign deadline it serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = OverdueEscalation.COUNTY_LIMIT_PROPERTY)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its clock moved ahead: share it with no one
class OverdueEscalationTest extends OverdueEscalation {

  @Autowired
  CampaignCalendar calendar;

  @Test
  void shouldGiveEveryUserTaskADueDateThatTasklistShows() {
    List<Map<String, Object>> all = restList("admin", "/engine-rest/task?maxResults=5000");

    assertThat(all).hasSizeGreaterThanOrEqualTo(9).hasSize((int) tasks.createTaskQuery().count());
    assertThat(all).allSatisfy(task -> assertThat(task.get("due"))
        .as("due date of %s (%s)", task.get("name"), task.get("taskDefinitionKey")).isNotNull());
  }

  @Test
  void shouldApplyTheCountysOwnLimitAndTheProvinceDefaultElsewhere() {
    Campaign campaign = currentCampaign();
    Instant now = clockAt(LocalDate.of(campaign.year(), 1, 10).atTime(9, 0));

    Task kelan = new CaseWalker(engine, demoDocuments).walkTo(register(KELAN, "马有才", "宋家沟村", KeyGroup.DIBAO, false).getId(),
        TASK_VERIFY_HOUSING);
    Task jingle = new CaseWalker(engine, demoDocuments).walkTo(register(JINGLE, "马有才", "西坡崖村", KeyGroup.DIBAO, false).getId(),
        TASK_VERIFY_HOUSING);

    assertThat(kelan.getDueDate().toInstant()).as("岢岚县: P2D").isEqualTo(now.plus(Duration.ofDays(2)));
    assertThat(jingle.getDueDate().toInstant()).as("静乐县: the default 14 days").isEqualTo(now.plus(Duration.ofDays(14)));
  }

  @Test
  void shouldCapADynamicCasesStepByTheCampaignDeadlineWhenThatComesFirst() {
    Campaign campaign = currentCampaign();
    Instant now = clockAt(campaign.startDeadline().minusDays(3).atTime(9, 0));

    ProcessInstance dynamic = register(KELAN, "韩春生", "甘钦村", KeyGroup.POOR, true);
    ProcessInstance notDynamic = register(KELAN, "韩秋生", "甘钦村", KeyGroup.POOR, false);

    Task capped = task(dynamic);
    Task uncapped = task(notDynamic);
    assertThat(capped.getTaskDefinitionKey()).isEqualTo(TASK_CONFIRM_IDENTIFICATION);
    assertThat(capped.getDueDate().toInstant()).as("the end of March comes before 7 days")
        .isEqualTo(startOf(campaign.startDeadline().plusDays(1)));
    assertThat(uncapped.getDueDate().toInstant()).as("not a dynamic case: 7 days")
        .isEqualTo(now.plus(Duration.ofDays(7)));

    // every household is verified by the end of May
    now = clockAt(campaign.completionDeadline().minusDays(5).atTime(9, 0));
    Task lateVerification = new CaseWalker(engine, demoDocuments).walkTo(
        register(JINGLE, "韩冬生", "东坡崖村", KeyGroup.DIBAO, false).getId(), TASK_VERIFY_HOUSING);
    assertThat(lateVerification.getDueDate().toInstant()).isEqualTo(startOf(campaign.completionDeadline().plusDays(1)))
        .isBefore(now.plus(Duration.ofDays(14)));
  }

  private Campaign currentCampaign() {
    return calendar.find(calendar.currentYear()).orElseThrow();
  }

  private static Instant clockAt(LocalDateTime time) {
    Instant instant = time.atZone(AnjuClock.zone()).toInstant();
    clockAt(instant);
    return instant;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(AnjuClock.zone()).toInstant();
  }
}
