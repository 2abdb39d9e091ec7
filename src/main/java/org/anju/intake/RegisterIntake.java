package org.anju.intake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.anju.access.PlaceAccess;
import org.anju.campaign.CampaignCalendar;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdCases;
import org.anju.household.HouseholdRegistry;
import org.anju.household.Registration;
import org.anju.household.RegistrationRules;
import org.anju.intake.RegisterImports.Counts;
import org.anju.intake.RegisterImports.RowOutcome;
import org.anju.tasklist.MapVariableScope;
import org.anju.tasklist.FieldErrors;
import org.anju.tasklist.StepValues;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports household registers in the background: each row is checked as the start form checks it,
 * against the uploader's counties, and against the households already registered in the campaign,
 * then registered through {@link HouseholdCases} as the uploading user: up to
 * {@code anju.intake.batch-rows} rows in one transaction, all or none; a batch that fails is rolled
 * back and its rows registered one per transaction, so that a bad row fails alone. The household
 * table is the memory of what was done: importing a file again (after a crash, or one that overlaps
 * an earlier file) registers only the rows not yet there.
 */
@Service
public class RegisterIntake implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterIntake.class);

  /** Problems (and skipped rows) stored per import; the counts go on beyond. */
  static final int MAX_STORED = 10_000;
  /** An import whose heartbeat is older than this, and that runs on no thread here, was interrupted. */
  static final Duration STALE = Duration.ofSeconds(30);
  static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
  static final String BUSY = "服务器正忙于其他导入，请稍后再试。 The server is busy with other imports; try again later.";

  private final RegisterImports imports;
  private final RegistrationRules rules;
  private final HouseholdRegistry registry;
  private final HouseholdCases cases;
  private final CampaignCalendar campaigns;
  private final IdentityService identity;
  private final TransactionTemplate transactions;
  private final ThreadPoolTaskExecutor executor;
  private final Set<Long> active = ConcurrentHashMap.newKeySet();
  private final int rowThreads;
  private final int batchRows;

  public RegisterIntake(RegisterImports imports, RegistrationRules rules, HouseholdRegistry registry,
      HouseholdCases cases, CampaignCalendar campaigns, IdentityService identity, TransactionTemplate transactions,
      @Value("${anju.intake.row-threads:4}") int rowThreads, @Value("${anju.intake.batch-rows:50}") int batchRows) {
    this.rowThreads = Math.max(1, rowThreads);
    this.batchRows = Math.max(1, batchRows);
    this.imports = imports;
    this.rules = rules;
    this.registry = registry;
    this.cases = cases;
    this.campaigns = campaigns;
    this.identity = identity;
    this.transactions = transactions;
    this.executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("register-intake-");
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setQueueCapacity(20);
    executor.setWaitForTasksToCompleteOnShutdown(false);
    executor.initialize();
  }

  /** Records the import and starts it in the background; the file is deleted when it is done. */
  long start(Uploader who, String fileName, Path file, String sha256, RegisterFormat format, long size) {
    long id = imports.start(fileName, sha256, format, size, who.userId(), who.scope(), Instant.now());
    active.add(id);
    try {
      executor.execute(() -> run(id, who, file, format));
    } catch (RuntimeException busy) {
      active.remove(id);
      imports.finish(id, new Counts(), RegisterImports.FAILED, BUSY, Instant.now());
      delete(file);
      throw busy;
    }
    return id;
  }

  /** A running import of the same file, so that the same upload is not run twice at once. */
  Optional<RegisterImports.RegisterImport> running(String sha256) {
    interruptStale();
    return imports.runningOf(sha256, Instant.now().minus(STALE));
  }

  /** Marks the imports that were left running by a stopped server. */
  void interruptStale() {
    imports.markInterrupted(Instant.now().minus(STALE), Instant.now(), List.copyOf(active));
  }

  @EventListener(ApplicationReadyEvent.class)
  void interruptLeftRunning() {
    // nothing of an earlier run of this server beats any more; another node's live import does
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    int marked = imports.markInterrupted(started, Instant.now(), List.copyOf(active));
    if (marked > 0) {
      LOG.warn("{} register import(s) left running by a stopped server marked INTERRUPTED", marked);
    }
  }

  boolean isActive(long id) {
    return active.contains(id);
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }

  private void run(long id, Uploader who, Path file, RegisterFormat format) {
    Counts counts = new Counts();
    Rows rows = new Rows(id, counts, who);
    long startedNanos = System.nanoTime();
    identity.setAuthentication(who.userId(), who.groups(), who.tenants());
    try {
      try {
        if (format == RegisterFormat.CSV) {
          CsvRows.read(file, rows);
        } else {
          XlsxRows.read(file, rows);
        }
        rows.submitBatch();
      } finally {
        rows.awaitAll();
      }
      rows.rethrow();
      if (rows.header == null) {
        imports.problem(id, RegisterImports.ERROR, 1, "", "", "the file has no header row");
        imports.finish(id, imports.counted(id, null), RegisterImports.FAILED,
            "文件没有表头行；请下载模板。 The file has no header row; download the template.", Instant.now());
      } else {
        Counts recorded = imports.counted(id, null);
        imports.finish(id, recorded, outcome(recorded), outcomeMessage(recorded), Instant.now());
      }
    } catch (BadHeader e) {
      imports.finish(id, imports.counted(id, null), RegisterImports.FAILED, e.getMessage(), Instant.now());
    } catch (XlsxRows.Unreadable e) {
      LOG.warn("register import {}: the workbook could not be read", id, e);
      imports.finish(id, imports.counted(id, null), RegisterImports.FAILED, "file: " + e.getMessage(), Instant.now());
    } catch (IOException | RuntimeException e) {
      // the exception names server files and classes: the log has it, the user gets the reason
      LOG.error("register import {} stopped at line {}", id, rows.line, e);
      imports.finish(id, imports.counted(id, null), RegisterImports.FAILED, "导入在第 " + rows.line
          + " 行处因服务器错误中止（已记录日志，导入编号 " + id + "）；再次导入同一文件即可完成。 The import stopped at line "
          + rows.line + " because of a server error (logged with import " + id
          + "); import the same file again to complete it.", Instant.now());
    } finally {
      rows.shutdown();
      identity.clearAuthentication();
      active.remove(id);
      delete(file);
      double seconds = (System.nanoTime() - startedNanos) / 1e9;
      LOG.info("register import {}: {} rows in {} s ({} rows/s): {} imported, {} already there, {} failed", id,
          counts.done, "%.1f".formatted(seconds), "%.0f".formatted(counts.done / Math.max(seconds, 1e-3)),
          counts.imported, counts.skipped, counts.failed);
    }
  }

  /**
   * How a finished import went: DONE when no row failed, FAILED when every row failed (nothing was
   * imported nor already there), else DONE_WITH_ERRORS: a run of refused rows is never a success.
   */
  static String outcome(Counts c) {
    if (c.failed == 0) {
      return RegisterImports.DONE;
    }
    return c.imported + c.skipped == 0 ? RegisterImports.FAILED : RegisterImports.DONE_WITH_ERRORS;
  }

  /** What the user should know of the outcome, or null when all went well. */
  static String outcomeMessage(Counts c) {
    return switch (outcome(c)) {
      case RegisterImports.FAILED -> "全部 " + c.failed + " 行均失败，未导入任何农户；请查看错误行。 Every row ("
          + c.failed + ") failed: nothing was imported; see the bad rows.";
      case RegisterImports.DONE_WITH_ERRORS -> c.failed + " 行失败，其余已导入或已存在；请查看错误行，改正后再次导入。 "
          + c.failed + " row(s) failed, the others were imported or already there; see the bad rows, correct them "
          + "and import the file again.";
      default -> null;
    };
  }

  /** The header lacks columns: nothing is imported. */
  static final class BadHeader extends RuntimeException {
    BadHeader(String message) {
      super(message);
    }
  }

  /** A row as read: its line, the county it concerns ({@link Uploader#countyOf}) and its start variables. */
  private record Row(long line, String county, Map<String, Object> values) {}

  /** A row that passed the checks and is not registered yet. */
  private record Checked(long line, String county, Registration registration) {}

  /**
   * Handles the rows of one import as they are read: they are gathered into batches of
   * {@code anju.intake.batch-rows}, each registered on one of {@code anju.intake.row-threads} threads,
   * with at most a few batches waiting, so that the file is never held in memory. The counts are
   * updated under the lock of {@code counts}.
   */
  private final class Rows implements RowConsumer {
    private final long id;
    private final Counts counts;
    private final Uploader who;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private RegisterColumns.Header header;
    private long line;
    private List<Row> batch = new ArrayList<>();
    private Instant lastFlush = Instant.now();

    Rows(long id, Counts counts, Uploader who) {
      this.id = id;
      this.counts = counts;
      this.who = who;
      this.pool = Executors.newFixedThreadPool(rowThreads, task -> {
        Thread thread = new Thread(task, "register-intake-" + id + "-row");
        thread.setDaemon(true);
        return thread;
      });
      this.maxInFlight = rowThreads * 2;
      this.inFlight = new Semaphore(maxInFlight);
    }

    void awaitAll() {
      inFlight.acquireUninterruptibly(maxInFlight);
      inFlight.release(maxInFlight);
    }

    void rethrow() {
      if (failure.get() != null) {
        throw failure.get();
      }
    }

    void shutdown() {
      pool.shutdownNow();
    }

    /** Hands the rows gathered so far to a thread. */
    void submitBatch() {
      if (batch.isEmpty()) {
        return;
      }
      List<Row> rows = batch;
      batch = new ArrayList<>();
      rethrow();
      inFlight.acquireUninterruptibly();
      try {
        pool.execute(() -> {
          identity.setAuthentication(who.userId(), who.groups(), who.tenants());
          try {
            importBatch(rows);
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          } finally {
            identity.clearAuthentication();
            inFlight.release();
          }
        });
      } catch (RuntimeException rejected) {
        inFlight.release();
        throw rejected;
      }
    }

    @Override
    public void row(long line, List<String> cells) {
      this.line = line;
      if (RegisterColumns.ignored(cells)) {
        return;
      }
      if (header == null) {
        List<String> missing = new ArrayList<>();
        header = RegisterColumns.Header.of(cells, missing);
        if (!missing.isEmpty()) {
          for (String column : missing) {
            problem(RegisterImports.ERROR, line, "", column, "column is missing from the header row");
          }
          throw new BadHeader("表头行（第 " + line + " 行）缺少列 " + String.join(", ", missing) + "，未导入任何行。 "
              + "The header row (line " + line + ") lacks the column(s) " + String.join(", ", missing)
              + "; nothing was imported. Columns: " + String.join(",", RegisterColumns.ALL));
        }
        return;
      }
      Map<String, Object> values = header.variables(cells);
      batch.add(new Row(line, who.countyOf(values.get(Vars.COUNTY_CODE)), values));
      if (batch.size() >= batchRows) {
        submitBatch();
      }
      Instant now = Instant.now();
      if (Duration.between(lastFlush, now).compareTo(FLUSH_EVERY) >= 0) {
        synchronized (counts) {
          imports.progress(id, counts, now);
        }
        lastFlush = now;
      }
    }

    /**
     * Checks the rows, skips those already registered, then registers the others in one transaction.
     * A resident listed twice in the batch is taken up after it, as already there.
     */
    private void importBatch(List<Row> rows) {
      List<Checked> passed = new ArrayList<>();
      for (Row row : rows) {
        check(row).ifPresentOrElse(r -> passed.add(new Checked(row.line(), row.county(), r)), () -> done(1));
      }
      Map<String, String> registered = registry.findByResidents(
          passed.stream().map(c -> c.registration().residentId()).toList(), campaigns.currentYear());
      List<Checked> fresh = new ArrayList<>();
      List<Checked> repeated = new ArrayList<>();
      Set<String> residents = new HashSet<>();
      for (Checked c : passed) {
        String householdId = registered.get(c.registration().residentId());
        if (householdId != null) {
          skip(c.line(), c.county(), householdId);
          done(1);
        } else {
          (residents.add(c.registration().residentId()) ? fresh : repeated).add(c);
        }
      }
      if (fresh.size() > 1 && registerTogether(fresh)) {
        synchronized (counts) {
          counts.imported += fresh.size();
          counts.done += fresh.size();
        }
      } else {
        fresh.forEach(this::importAlone);
      }
      for (Checked c : repeated) {
        if (alreadyThere(c)) {
          done(1);
        } else {
          importAlone(c);
        }
      }
    }

    /** The row's registration, or empty when it failed the start form's checks (recorded). */
    private Optional<Registration> check(Row row) {
      FieldErrors errors = new FieldErrors();
      Optional<Registration> checked = rules.check(new StepValues(new MapVariableScope(row.values()), errors));
      checked.ifPresent(r -> PlaceAccess.check(identity, r.countyCode(), r.townshipCode(), errors));
      if (!errors.isEmpty()) {
        fail(row.line(), row.county(), errors.problems());
        return Optional.empty();
      }
      return checked;
    }

    /**
     * Registers the rows in one transaction, with the record that they were imported; false (nothing
     * written) when any of them failed.
     */
    private boolean registerTogether(List<Checked> rows) {
      try {
        transactions.executeWithoutResult(tx -> {
          cases.registerAll(rows.stream().map(Checked::registration).toList());
          imports.recordRows(id, rows.stream().map(c -> new RowOutcome(c.line(), c.county(), RegisterImports.IMPORTED))
              .toList());
        });
        return true;
      } catch (RuntimeException e) {
        LOG.debug("register import {}: the batch from line {} is registered row by row: {}", id, rows.get(0).line(),
            e.toString());
        return false;
      }
    }

    /** Registers one row in its own transaction, with the record that it was imported. */
    private void importAlone(Checked row) {
      try {
        transactions.executeWithoutResult(tx -> {
          cases.register(row.registration());
          imports.recordRows(id, List.of(new RowOutcome(row.line(), row.county(), RegisterImports.IMPORTED)));
        });
        synchronized (counts) {
          counts.imported++;
        }
      } catch (RuntimeException e) {
        // a concurrent import of the same row lost the race, or the start listener refused the row
        if (!alreadyThere(row)) {
          FieldErrors.Refusal refused = refusal(e);
          if (refused != null) {
            fail(row.line(), row.county(), refused.problems());
          } else {
            // the exception holds SQL and class names: logged, and the user gets the reason
            LOG.warn("register import {}: line {} could not be registered", id, row.line(), e);
            failRow(row.line(), row.county(), unregistered(e));
          }
        }
      }
      done(1);
    }

    private String unregistered(RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof AuthorizationException) {
          return "could not be registered: 用户 " + who.userId() + " 无权登记农户。 user " + who.userId()
              + " may not register households";
        }
      }
      return "could not be registered: 服务器拒绝了该行（已记录日志，导入编号 " + id + "）。 the server refused the row "
          + "(logged with import " + id + ")";
    }

    private void done(int rows) {
      synchronized (counts) {
        counts.done += rows;
      }
    }

    private boolean alreadyThere(Checked row) {
      Optional<String> existing = registry.findByResident(row.registration().residentId(), campaigns.currentYear());
      existing.ifPresent(householdId -> skip(row.line(), row.county(), householdId));
      return existing.isPresent();
    }

    /**
     * Counts a row as already there, registered as {@code householdId}. The id is shown only when it is
     * one of the row's own county: who sees the row need not see the other county's household.
     */
    private void skip(long line, String county, String householdId) {
      imports.recordRows(id, List.of(new RowOutcome(line, county, RegisterImports.SKIPPED)));
      boolean store;
      synchronized (counts) {
        counts.skipped++;
        store = counts.skippedStored < MAX_STORED;
        if (store) {
          counts.skippedStored++;
        }
      }
      if (store) {
        String there = !county.isEmpty() && householdId.startsWith(county + "-") ? householdId
            : "registered in county " + householdId.substring(0, Math.max(0, householdId.indexOf('-')));
        imports.problem(id, RegisterImports.SKIPPED, line, county, Vars.RESIDENT_ID, "already there: " + there);
      }
    }

    /** Records a failed row with its problems, each as clerks read it (the field's label and the reason, Chinese first). */
    private void fail(long line, String county, List<FieldErrors.Problem> problems) {
      failed(line, county);
      for (FieldErrors.Problem p : problems) {
        problem(RegisterImports.ERROR, line, county, p.field(), p.sentence());
      }
    }

    private void failRow(long line, String county, String reason) {
      failed(line, county);
      problem(RegisterImports.ERROR, line, county, "row", reason);
    }

    private void failed(long line, String county) {
      imports.recordRows(id, List.of(new RowOutcome(line, county, RegisterImports.ROW_FAILED)));
      synchronized (counts) {
        counts.failed++;
      }
    }

    private void problem(String kind, long line, String county, String field, String reason) {
      boolean store;
      synchronized (counts) {
        store = counts.errorsStored < MAX_STORED;
        if (store) {
          counts.errorsStored++;
        }
      }
      if (store) {
        imports.problem(id, kind, line, county, field, reason);
      }
    }
  }

  private static FieldErrors.Refusal refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FieldErrors.Refusal f) {
        return f;
      }
    }
    return null;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete {}", file, e);
    }
  }
}
