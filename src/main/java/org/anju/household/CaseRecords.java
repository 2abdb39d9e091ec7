package org.anju.household;

import java.util.Set;

/** The records a case's household file holds: the documents capability answers from the documents given. */
public interface CaseRecords {

  /** The names of the records ({@link HouseholdFileRecord}) with at least one document in the case. */
  Set<String> recordsOf(String processInstanceId);
}
