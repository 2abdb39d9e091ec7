package org.anju.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.anju.progress.CaseCounts.Snapshot;
import org.anju.progress.CaseCounts.Step;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * How the work stands, as gauges for Prometheus ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code anju_open_tasks{process,step}}: open user tasks per process and step (task definition key);</li>
 * <li>{@code anju_overdue_tasks{process,step}}: those of them past their due date;</li>
 * <li>{@code anju_open_incidents{type}}: open incidents per type, {@code failedJob},
 * {@code failedExternalTask} and {@code overdue} always present;</li>
 * <li>{@code anju_jobs_without_retries}: jobs that failed and will not be retried;</li>
 * <li>{@code anju_open_cases{process}}: running process instances per process.</li>
 * </ul>
 * The values are read from the engine when Prometheus scrapes, at most once per {@link #CACHE_FOR}
 * whatever the number of gauges or scrapers, and always for the whole province: the counts are read
 * without the scraping user's authorizations. Every step of the deployed processes has its series from
 * the start, at 0; a series that appears later (a new process version, another incident type) is
 * registered on the scrape that first sees it and shows from the next one.
 */
@Component
public class CaseMetrics {

  /** How long one reading of the counts serves the gauges. */
  static final Duration CACHE_FOR = Duration.ofSeconds(10);

  static final String OPEN_TASKS = "anju.open.tasks";
  static final String OVERDUE_TASKS = "anju.overdue.tasks";
  static final String OPEN_INCIDENTS = "anju.open.incidents";
  static final String JOBS_WITHOUT_RETRIES = "anju.jobs.without.retries";
  static final String OPEN_CASES = "anju.open.cases";

  private static final Logger LOG = LoggerFactory.getLogger(CaseMetrics.class);

  private final MeterRegistry registry;
  private final IdentityService identity;
  private final CaseCounts counts;

  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final MultiGauge openIncidents;
  private final MultiGauge openCases;

  private Snapshot snapshot = Snapshot.empty();
  /** {@link System#nanoTime()} of the last reading, successful or not; null before the first. */
  private Long readAt;
  /** The keys of the rows registered last, to register again only when they change. */
  private Set<Step> registeredSteps = Set.of();
  private Set<String> registeredIncidentTypes = Set.of();
  private Set<String> registeredProcesses = Set.of();

  public CaseMetrics(MeterRegistry registry, ProcessEngine engine, JdbcTemplate jdbc) {
    this.registry = registry;
    this.identity = engine.getIdentityService();
    this.counts = new CaseCounts(engine, jdbc);
    this.openTasks = MultiGauge.builder(OPEN_TASKS)
        .description("Open user tasks per process and step").register(registry);
    this.overdueTasks = MultiGauge.builder(OVERDUE_TASKS)
        .description("Open user tasks past their due date per process and step").register(registry);
    this.openIncidents = MultiGauge.builder(OPEN_INCIDENTS)
        .description("Open incidents per incident type").register(registry);
    this.openCases = MultiGauge.builder(OPEN_CASES)
        .description("Running process instances per process").register(registry);
  }

  /** Once the models are deployed: every series, so that the first scrape finds them all. */
  @EventListener(ApplicationReadyEvent.class)
  public void register() {
    Gauge.builder(JOBS_WITHOUT_RETRIES, this, metrics -> metrics.current().jobsWithoutRetries())
        .description("Jobs with no retries left").register(registry);
    current();
  }

  /** The counts, read again when the last reading is older than {@link #CACHE_FOR}. */
  synchronized Snapshot current() {
    long now = System.nanoTime();
    if (readAt != null && now - readAt < CACHE_FOR.toNanos()) {
      return snapshot;
    }
    readAt = now;
    try {
      snapshot = read();
    } catch (RuntimeException e) {
      LOG.warn("Cannot read the case metrics, keeping the last values: {}", e.toString());
      return snapshot;
    }
    registerRows(snapshot);
    return snapshot;
  }

  /** Reads the counts now, for the whole province whoever is logged in on this thread. */
  Snapshot read() {
    // a scrape runs as its HTTP Basic user, whose authorizations and tenants would narrow the queries
    Authentication user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return counts.read();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }

  private void registerRows(Snapshot snapshot) {
    if (!snapshot.openTasks().keySet().equals(registeredSteps)) {
      registeredSteps = Set.copyOf(snapshot.openTasks().keySet());
      openTasks.register(stepRows(registeredSteps, Snapshot::openTasks), false);
      overdueTasks.register(stepRows(registeredSteps, Snapshot::overdueTasks), false);
    }
    if (!snapshot.openIncidents().keySet().equals(registeredIncidentTypes)) {
      registeredIncidentTypes = Set.copyOf(snapshot.openIncidents().keySet());
      openIncidents.register(rows("type", registeredIncidentTypes, Snapshot::openIncidents), false);
    }
    if (!snapshot.openCases().keySet().equals(registeredProcesses)) {
      registeredProcesses = Set.copyOf(snapshot.openCases().keySet());
      openCases.register(rows("process", registeredProcesses, Snapshot::openCases), false);
    }
  }

  private List<MultiGauge.Row<?>> stepRows(Set<Step> steps, Function<Snapshot, Map<Step, Long>> values) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Step step : steps) {
      rows.add(MultiGauge.Row.of(Tags.of("process", step.process(), "step", step.step()), this,
          metrics -> values.apply(metrics.current()).getOrDefault(step, 0L)));
    }
    return rows;
  }

  private List<MultiGauge.Row<?>> rows(String tag, Set<String> keys, Function<Snapshot, Map<String, Long>> values) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (String key : keys) {
      rows.add(MultiGauge.Row.of(Tags.of(tag, key), this,
          metrics -> values.apply(metrics.current()).getOrDefault(key, 0L)));
    }
    return rows;
  }
}
