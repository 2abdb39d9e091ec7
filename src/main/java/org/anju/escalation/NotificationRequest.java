package org.anju.escalation;

import java.util.List;

/**
 * What to tell whom: one escalation of one case, step and level, before it is split by channel.
 * {@code key} identifies it for "exactly once" (e.g. the task id and level).
 */
public record NotificationRequest(String key, String countyCode, String caseKey, String processInstanceId,
    String step, int level, List<String> groupIds, String userId, String subject, String body) {}
