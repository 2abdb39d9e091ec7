package org.anju.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.anju.access.Role;

/**
 * Who is told about an overdue step, level by level: first whoever holds it (the assignee, else its
 * candidate group), then after each grace period the level above: township → county (the leading
 * group) → city supervisors → province supervisors.
 */
public record EscalationChain(List<Level> levels) {

  /** One level: a user or groups, and how the message calls them. */
  public record Level(String userId, List<String> groupIds, String title) {}

  public static EscalationChain of(String assignee, String candidateGroup, String countyCode) {
    List<Level> levels = new ArrayList<>();
    levels.add(new Level(assignee, candidateGroup == null ? List.of() : List.of(candidateGroup),
        "办理人 Holder of the step"));
    Optional<Role> role = candidateGroup == null ? Optional.empty() : Role.ofGroup(candidateGroup);
    Role.Level holder = role.map(Role::level).orElse(Role.Level.COUNTY);
    if (countyCode != null && holder == Role.Level.TOWNSHIP) {
      levels.add(new Level(null, List.of(Role.LEADING_GROUP.groupId(countyCode)), "县扶贫开发领导小组 County leading group"));
    }
    if (countyCode != null && (holder == Role.Level.TOWNSHIP || holder == Role.Level.COUNTY)) {
      levels.add(new Level(null, List.of(Role.CITY_SUPERVISOR.groupId(countyCode.substring(0, 4))),
          "市级督导 City supervisors"));
    }
    if (holder != Role.Level.PROVINCE) {
      levels.add(new Level(null, List.of(Role.PROVINCE_SUPERVISOR.groupId("14")), "省级督导 Province supervisors"));
    }
    return new EscalationChain(levels);
  }
}
