package org.anju.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.demo.CaseWalker;
import org.anju.demo.DemoDocuments;
import org.anju.demo.DemoSteps;
import org.anju.demo.DemoUsers.DemoCounty;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCases;
import org.anju.household.Registration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Households registered by the tests, each with a resident ID of its own: one sequence for the whole test
 * run, since test classes share a Spring context and its database.
 */
public final class TestHouseholds {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 60_000));

  private TestHouseholds() {}

  /** A household of three of {@code group} in the county's demo township, its case started. */
  public static ProcessInstance register(HouseholdCases cases, DemoCounty county, String headName, String village,
      KeyGroup group) {
    int n = SEQUENCE.incrementAndGet();
    String residentId = DemoSteps.residentId(county.countyCode(), 1940 + (n / 1000) % 60, n % 1000);
    return cases.register(new Registration(headName, residentId, group, county.cityCode(), county.countyCode(),
        county.townshipCode(), village, village + n + "号", 3, false));
  }

  /** A registered poor household's case, walked with the demo's values and documents until it waits at {@code step}. */
  public static Task waitingAt(HouseholdCases cases, ProcessEngine engine, DemoDocuments documents, DemoCounty county,
      String headName, String village, String step) {
    ProcessInstance pi = register(cases, county, headName, village, KeyGroup.POOR);
    return new CaseWalker(engine, documents).walkTo(pi.getId(), step);
  }
}
