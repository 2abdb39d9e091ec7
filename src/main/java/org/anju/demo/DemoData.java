package org.anju.demo;

import static org.anju.household.HouseholdCaseProcess.Elements.*;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.anju.escalation.OverdueScan;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded default: the demo staff and a handful of
 * households at different steps, so that a new user sees real work at once.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "anju.demo-data", havingValue = "true")
public class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final DemoUsers users;
  private final HouseholdCases cases;
  private final ProcessEngine engine;
  private final OverdueScan overdueScan;

  private final DemoDocuments documents;

  public DemoData(DemoUsers users, HouseholdCases cases, ProcessEngine engine, OverdueScan overdueScan,
      DemoDocuments documents) {
    this.documents = documents;
    this.overdueScan = overdueScan;
    this.users = users;
    this.cases = cases;
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    users.create();
    if (engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(org.anju.household.HouseholdCaseProcess.KEY).count() > 0) {
      return; // demo households exist already, or real ones
    }
    CaseWalker walker = new CaseWalker(engine, documents);
    DemoUsers.DemoCounty kl = DemoUsers.KELAN;
    DemoUsers.DemoCounty jl = DemoUsers.JINGLE;
    String late = start(kl, "王秀英", "宋家沟村", KeyGroup.POOR, 1, true, walker, TASK_CONFIRM_IDENTIFICATION);
    start(kl, "李建国", "长崖子村", KeyGroup.DIBAO, 2, false, walker, TASK_VERIFY_HOUSING);
    start(kl, "张桂兰", "宋家沟村", KeyGroup.TEKUN, 3, false, walker, TASK_APPRAISE_HOUSE);
    start(kl, "刘福", "甘钦村", KeyGroup.POOR, 4, true, walker, TASK_VILLAGE_REVIEW);
    start(kl, "赵玉梅", "宋家沟村", KeyGroup.DISABLED, 5, true, walker, TASK_INSPECT_CONSTRUCTION);
    start(kl, "陈满仓", "长崖子村", KeyGroup.POOR, 6, true, walker, TASK_INSPECT_ACCEPTANCE);
    String safe = start(kl, "孙二小", "甘钦村", KeyGroup.DIBAO, 7, false, null, null);
    walker.walkTo(safe, TASK_ARCHIVE_CASE, step -> step.equals(TASK_APPRAISE_HOUSE)
        ? Map.of(Vars.SAFETY_GRADE, "B") : Map.of());
    start(jl, "周天宝", "西坡崖村", KeyGroup.DIBAO, 8, true, walker, TASK_CONFIRM_IDENTIFICATION);
    start(jl, "吴银花", "东坡崖村", KeyGroup.POOR, 9, false, walker, TASK_APPRAISE_HOUSE);
    showAnOverdueStep(late);
    LOG.info("Demo data loaded: 9 households in {} and {}; log in with password '{}'", kl.name(), jl.name(),
        DemoUsers.PASSWORD);
  }

  /**
   * 王秀英's identification was due four days ago, so that Tasklist's overdue filter, Cockpit's
   * incidents and the notification log have something to show at once, without waiting days.
   */
  private void showAnOverdueStep(String processInstanceId) {
    var tasks = engine.getTaskService();
    var task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(4))));
    tasks.saveTask(task);
    overdueScan.scan(engine, ClockUtil.getCurrentTime().toInstant());
  }

  private String start(DemoUsers.DemoCounty county, String name, String village, KeyGroup group, int sequence,
      boolean dynamic, CaseWalker walker, String stopAt) {
    String id = cases.register(DemoSteps.registration(county, name, village, group, sequence, dynamic)).getId();
    if (walker != null) {
      walker.walkTo(id, stopAt);
    }
    return id;
  }
}
