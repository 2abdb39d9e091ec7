package org.anju;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import org.anju.demo.DemoDocuments;
import org.anju.documents.CaseDocuments;
import org.anju.documents.CompileHouseholdFileDelegate;
import org.anju.documents.pdf.HouseholdFilePdf;
import org.anju.documents.FileSystemContentStore;
import org.anju.documents.TaskDocuments;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.anju.campaign.CampaignCalendar;
import org.anju.campaign.CampaignDeadlines;
import org.anju.campaign.CampaignProgress;
import org.anju.escalation.EscalationSettings;
import org.anju.escalation.NotificationLog;
import org.anju.escalation.Notifier;
import org.anju.household.CaseDeadlineWatch;
import org.anju.household.RecordMissedDeadlineDelegate;
import org.anju.campaign.Campaigns;
import org.anju.household.CaseDeadlines;
import org.anju.household.CaseMilestones;
import org.anju.household.CheckArchiveCompletenessDelegate;
import org.anju.household.HouseholdRegistry;
import org.anju.household.HouseholdCasePlugin;
import org.anju.household.HouseholdSteps;
import org.anju.household.LogInspectionDelegate;
import org.anju.household.NoticePeriods;
import org.anju.household.RecordOutcome;
import org.anju.household.RegisterHouseholdListener;
import org.anju.household.RegistrationRules;
import org.anju.rectification.CheckDeadlineWatch;
import org.anju.rectification.EscalateOpenProblemsDelegate;
import org.anju.rectification.ProblemLedger;
import org.anju.rectification.ReportProblemsNotClearedDelegate;
import org.anju.rectification.RecordCloseOutDelegate;
import org.anju.rectification.RectificationSteps;
import org.anju.rectification.RegisterProblemsDelegate;
import org.anju.rectification.StartCheckListener;
import org.anju.region.Divisions;
import org.anju.relocation.FollowUpFindings;
import org.anju.relocation.FollowUpSchedule;
import org.anju.relocation.OpenFollowUpProblemDelegate;
import org.anju.relocation.RelocationFollowUps;
import org.anju.relocation.RelocationSteps;
import org.anju.relocation.StartRelocationFollowUpDelegate;
import org.anju.tasklist.ReferenceFormats;
import org.anju.tasklist.Steps;
import org.anju.tasklist.TasklistPlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An engine for process tests with no Spring context: Anju's real delegates, listeners and step
 * rules over an in-memory H2 database that also holds Anju's own tables. The job executor is off,
 * so tests drive timers and jobs by hand.
 */
public final class ProcessTestEngine {

  /** The delegates' view of the domain tables, for assertions. */
  public record Domain(HouseholdRegistry households, ProblemLedger problems, JdbcTemplate jdbc,
      CaseDocuments documents, DemoDocuments demoDocuments) {}

  private final ProcessEngineConfigurationImpl configuration;
  private final Domain domain;

  public ProcessEngineConfigurationImpl configuration() {
    return configuration;
  }

  public Domain domain() {
    return domain;
  }

  /** A new engine over its own database; {@code name} (the test class) names both. */
  public ProcessTestEngine(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    Flyway.configure().dataSource(dataSource).table("anju_schema_history").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Divisions divisions = new Divisions();
    RegistrationRules registrationRules = new RegistrationRules(divisions);
    HouseholdRegistry households = new HouseholdRegistry(jdbc);
    ProblemLedger problems = new ProblemLedger(jdbc);
    // the household file's documents in a folder of this run, as the embedded default keeps them
    CaseDocuments documents;
    try {
      documents = new CaseDocuments(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
          new FileSystemContentStore(Files.createTempDirectory("anju-documents-" + name)), 20L << 20, 50_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.domain = new Domain(households, problems, jdbc, documents, new DemoDocuments(documents));

    Map<Object, Object> beans = new HashMap<>();
    beans.put("compileHouseholdFileDelegate", new CompileHouseholdFileDelegate(documents,
        HouseholdFilePdf.withBundledFont(), jdbc));
    CampaignCalendar campaigns = new CampaignCalendar(jdbc);
    if (campaigns.all().isEmpty()) {
      campaigns.save(Campaigns.next(org.anju.clock.AnjuClock.today(), 7), org.anju.clock.AnjuClock.now());
    }
    beans.put("registerHouseholdListener",
        new RegisterHouseholdListener(registrationRules, households, divisions, campaigns));
    ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
    // the engine's services exist before it is built: the notifier needs them, the engine needs it
    Notifier notifier = new Notifier(new NotificationLog(jdbc), configuration.getIdentityService(),
        configuration.getRuntimeService(), new EscalationSettings("P3D", "R5/PT5M", "", "anju@localhost", "PT10S", "PT1M"),
        new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class));
    CampaignProgress progress = new CampaignProgress(jdbc);
    CampaignDeadlines campaignDeadlines = new CampaignDeadlines(campaigns, progress, notifier, divisions,
        configuration.getTaskService(), "P14D");
    beans.put("campaignDeadlines", campaignDeadlines);
    CaseDeadlineWatch deadlineWatch = new CaseDeadlineWatch(progress, campaigns, campaignDeadlines, notifier, jdbc);
    beans.put("caseDeadlineWatch", deadlineWatch);
    beans.put("recordMissedDeadlineDelegate", new RecordMissedDeadlineDelegate(deadlineWatch));
    CaseMilestones milestones = new CaseMilestones(jdbc, deadlineWatch);
    beans.put("caseMilestones", milestones);
    beans.put("recordOutcome", new RecordOutcome(households, deadlineWatch));
    beans.put("noticePeriods", NoticePeriods.defaults());
    beans.put("caseDeadlines", new CaseDeadlines());
    beans.put("chinaDates", new org.anju.clock.ChinaDates());
    beans.put("countyDecisions", new org.anju.household.CountyDecisions());
    beans.put("logInspectionDelegate", new LogInspectionDelegate(households));
    beans.put("checkArchiveCompletenessDelegate", new CheckArchiveCompletenessDelegate(documents));
    beans.put("checkNationalRecordListener", new org.anju.national.CheckNationalRecordListener(
        new org.anju.national.DocumentCounts(jdbc)));
    beans.put("archiveApproval", new org.anju.household.ArchiveApproval());
    CheckDeadlineWatch checkDeadlines = new CheckDeadlineWatch(campaigns, campaignDeadlines, notifier, jdbc);
    beans.put("checkDeadlineWatch", checkDeadlines);
    beans.put("escalateOpenProblemsDelegate", new EscalateOpenProblemsDelegate(checkDeadlines));
    beans.put("reportProblemsNotClearedDelegate", new ReportProblemsNotClearedDelegate(checkDeadlines));
    beans.put("startCheckListener", new StartCheckListener(registrationRules, checkDeadlines));
    beans.put("registerProblemsDelegate", new RegisterProblemsDelegate(problems, 15));
    beans.put("recordCloseOutDelegate", new RecordCloseOutDelegate(problems));
    beans.put("problemLedger", problems);
    FollowUpSchedule schedule = new FollowUpSchedule(FollowUpSchedule.DEFAULT_MONTHS);
    beans.put("followUpSchedule", schedule);
    beans.put("followUpFindings", new FollowUpFindings());
    beans.put("startRelocationFollowUpDelegate", new StartRelocationFollowUpDelegate(new RelocationFollowUps(schedule)));
    beans.put("openFollowUpProblemDelegate", new OpenFollowUpProblemDelegate());

    this.configuration = configuration;
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(url);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setBeans(beans);
    configuration.getProcessEnginePlugins().add(
        new TasklistPlugin(new Steps(List.of(new HouseholdSteps(), new RectificationSteps(), new RelocationSteps())),
            ReferenceFormats.DEFAULTS, new TaskDocuments(jdbc, "")));
    configuration.getProcessEnginePlugins().add(new HouseholdCasePlugin(milestones, households, deadlineWatch));
  }
}
