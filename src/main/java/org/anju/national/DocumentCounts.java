package org.anju.national;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many documents each case's household file holds per record: the photo indicators' values. */
@Component
public class DocumentCounts {

  private final JdbcTemplate jdbc;

  public DocumentCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The counts of one case, by record name. */
  Map<String, Integer> ofCase(String processInstanceId) {
    return byCase(java.util.List.of(processInstanceId)).getOrDefault(processInstanceId, Map.of());
  }

  /** The counts of each of {@code processInstanceIds} that has documents, in one query. */
  Map<String, Map<String, Integer>> byCase(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    String marks = String.join(",", Collections.nCopies(processInstanceIds.size(), "?"));
    jdbc.query("select process_instance_id, record, count(*) as n from case_document where process_instance_id in ("
        + marks + ") group by process_instance_id, record", row -> {
          counts.computeIfAbsent(row.getString("process_instance_id"), k -> new HashMap<>())
              .put(row.getString("record"), row.getInt("n"));
        }, processInstanceIds.toArray());
    return counts;
  }
}
