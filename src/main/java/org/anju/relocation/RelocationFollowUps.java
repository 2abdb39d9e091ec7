package org.anju.relocation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.anju.access.RoleGroups;
import org.anju.relocation.RelocationFollowUpProcess.Typed;
import org.anju.relocation.RelocationFollowUpProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** The one way in to {@code relocation-follow-up} for Anju's code. */
@Service
public class RelocationFollowUps {

  /** A relocated household, as its case recorded it when the relocation was confirmed. */
  public record Relocation(String householdId, String headName, String cityCode, String countyCode,
      String countyName, String townshipCode, String townshipName, String village, String relocationSite,
      LocalDate moveInDate) {

    public Relocation {
      Objects.requireNonNull(householdId, "householdId");
      Objects.requireNonNull(countyCode, "countyCode");
      Objects.requireNonNull(townshipCode, "townshipCode");
      Objects.requireNonNull(relocationSite, "relocationSite");
      Objects.requireNonNull(moveInDate, "moveInDate");
    }
  }

  private final FollowUpSchedule schedule;

  public RelocationFollowUps(FollowUpSchedule schedule) {
    this.schedule = schedule;
  }

  /**
   * Starts the household's follow-up, in its county's tenant, with its visits at the configured months; a
   * follow-up already running for the household is returned instead, so that there is one per household.
   */
  public ProcessInstance start(RuntimeService runtime, Relocation relocation) {
    return asTheEngine(() -> {
      ProcessInstance running = runtime.createProcessInstanceQuery()
          .processDefinitionKey(RelocationFollowUpProcess.KEY).processInstanceBusinessKey(relocation.householdId())
          .singleResult();
      return running != null ? running
          : runtime.startProcessInstanceByKey(RelocationFollowUpProcess.KEY, relocation.householdId(),
              variables(relocation));
    });
  }

  private Map<String, Object> variables(Relocation relocation) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.HOUSEHOLD_ID, relocation.householdId());
    variables.put(Vars.HEAD_NAME, relocation.headName());
    variables.put(Vars.CITY_CODE, relocation.cityCode());
    variables.put(Vars.COUNTY_CODE, relocation.countyCode());
    variables.put(Vars.COUNTY_NAME, relocation.countyName());
    variables.put(Vars.TOWNSHIP_CODE, relocation.townshipCode());
    variables.put(Vars.TOWNSHIP_NAME, relocation.townshipName());
    variables.put(Vars.VILLAGE, relocation.village());
    variables.put(Vars.RELOCATION_SITE, relocation.relocationSite());
    variables.put(Vars.MOVE_IN_DATE, Typed.MOVE_IN_DATE.stored(relocation.moveInDate()));
    // the household's township visits it, as it verified its house; a group per place, like the case's
    variables.put(Vars.TOWNSHIP_GROUP, RoleGroups.township(relocation.townshipCode()));
    variables.put(Vars.FOLLOW_UP_MONTHS, schedule.months());
    return variables;
  }

  /**
   * Runs a start the model makes, not the clerk: the user whose step led here (the poverty office confirming
   * a relocation, the township recording a visit) need not be allowed to start, or even read, the process.
   * Outside an engine command (a test, a script) there is nothing to lift.
   */
  static <T> T asTheEngine(Supplier<T> start) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return start.get();
    }
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return start.get();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
