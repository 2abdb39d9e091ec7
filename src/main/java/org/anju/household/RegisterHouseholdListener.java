package org.anju.household;

import java.util.Optional;

import org.anju.access.PlaceAccess;
import org.anju.campaign.CampaignCalendar;
import org.anju.access.RoleGroups;
import org.anju.household.HouseholdCaseProcess.KeyGroup;
import org.anju.household.HouseholdCaseProcess.Typed;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.region.Divisions;
import org.anju.tasklist.FieldErrors;
import org.anju.tasklist.StartRefusals;
import org.anju.tasklist.StepValues;
import org.anju.region.SeismicZoning;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serves {@code StartEvent_HouseholdRegistered}: checks the registration, records the household and
 * gives the case its household id as business key, the names of its places and its candidate groups.
 */
@Component("registerHouseholdListener")
public class RegisterHouseholdListener implements ExecutionListener {

  private final RegistrationRules rules;
  private final HouseholdRegistry registry;
  private final Divisions divisions;
  private final CampaignCalendar campaigns;

  public RegisterHouseholdListener(RegistrationRules rules, HouseholdRegistry registry, Divisions divisions,
      CampaignCalendar campaigns) {
    this.rules = rules;
    this.registry = registry;
    this.divisions = divisions;
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StartRefusals.checked("registration", execution, this::check);
  }

  private void check(DelegateExecution execution) {
    FieldErrors errors = new FieldErrors();
    StepValues values = new StepValues(execution, errors);
    Optional<Registration> checked = rules.check(values);
    errors.throwIfAny();
    Registration registration = checked.orElseThrow();
    PlaceAccess.check(execution.getProcessEngineServices().getIdentityService(), registration.countyCode(),
        registration.townshipCode(), errors);
    errors.throwIfAny();
    int campaignYear = campaignYear();
    registry.findByResident(registration.residentId(), campaignYear).ifPresent(existing ->
        errors.add(Vars.RESIDENT_ID, "已在 " + campaignYear + " 年攻坚中登记，案件编号 " + existing,
            "is already registered in the " + campaignYear + " campaign as case " + existing));
    errors.throwIfAny();

    String householdId = registry.register(registration, campaignYear, ClockUtil.getCurrentTime().toInstant());
    execution.setProcessBusinessKey(householdId);
    Typed.HOUSEHOLD_ID.set(execution, householdId);
    Typed.CAMPAIGN_YEAR.set(execution, campaignYear);
    // normalised values: an upper-case check character, a Long household size, an explicit flag
    Typed.RESIDENT_ID.set(execution, registration.residentId());
    Typed.HOUSEHOLD_SIZE.set(execution, registration.householdSize());
    Typed.DYNAMIC_GUARANTEE.set(execution, registration.dynamicGuarantee());
    Typed.COUNTY_NAME.set(execution, divisions.nameOf(registration.countyCode()));
    Typed.TOWNSHIP_NAME.set(execution, divisions.nameOf(registration.townshipCode()));
    // for the forms, which ask about earthquakes only where they matter; the rules look it up themselves
    Typed.SEISMIC_INTENSITY.set(execution, SeismicZoning.intensityOf(registration.countyCode()));

    String county = registration.countyCode();
    String township = registration.townshipCode();
    execution.setVariable(Vars.CONFIRMING_GROUP, confirmingGroup(registration.keyGroup(), county));
    execution.setVariable(Vars.VILLAGE_GROUP, RoleGroups.village(township));
    execution.setVariable(Vars.TOWNSHIP_GROUP, RoleGroups.township(township));
    execution.setVariable(Vars.APPRAISER_GROUP, RoleGroups.appraiser(county));
    execution.setVariable(Vars.HOUSING_GROUP, RoleGroups.housing(county));
    execution.setVariable(Vars.POVERTY_GROUP, RoleGroups.poverty(county));
    execution.setVariable(Vars.FINANCE_GROUP, RoleGroups.finance(county));
  }

  /** The office that confirms a household's membership of its key group. */
  static String confirmingGroup(KeyGroup group, String countyCode) {
    return switch (group) {
      case POOR -> RoleGroups.poverty(countyCode);
      case DIBAO, TEKUN -> RoleGroups.civilAffairs(countyCode);
      case DISABLED -> RoleGroups.disabledFederation(countyCode);
    };
  }

  /**
   * The campaign a household registered now belongs to, read once per transaction: the households
   * of an import batch are registered in one transaction and share it.
   */
  private int campaignYear() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return campaigns.currentYear();
    }
    Integer year = (Integer) TransactionSynchronizationManager.getResource(this);
    if (year == null) {
      year = campaigns.currentYear();
      TransactionSynchronizationManager.bindResource(this, year);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(RegisterHouseholdListener.this);
        }
      });
    }
    return year;
  }

}
