package org.anju.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Anju's own throttling of failed logins, per user and source address, in memory. The engine's throttling
 * locks an account for every source at once and, after {@code loginMaxAttempts}, for good, so anyone who
 * knows a user id could lock its owner out; it is switched off (application.yaml) in favour of this one.
 * After {@code maxFailures} failures in a row the pair (user, source) is locked for {@code firstLock}, each
 * further failure doubles that, up to {@code maxLock}; a successful login clears the pair. Another source
 * is never held back. At most {@code capacity} pairs are kept: when full, pairs that are not locked go
 * first, so a flood of made-up user ids does not free a locked pair.
 */
@Component
public class LoginThrottle {

  /** A (user, source) pair that may not try a password now, and for how long. */
  public static class Locked extends BadUserRequestException {

    private final transient Duration retryAfter;

    Locked(Duration retryAfter) {
      super("登录失败次数过多 Too many failed logins for this user from your address: try again in "
          + seconds(retryAfter) + " seconds");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  private record Key(String user, String source) {}

  private static final class Entry {
    int failures;
    Instant lastFailure;
    Instant lockedUntil = Instant.MIN;
  }

  /** A user id longer than this is cut for the key: ids have at most 64 characters, the rest costs memory. */
  private static final int MAX_KEY_LENGTH = 128;
  /** A pair that has not failed for this long starts again from zero failures. */
  private static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final int maxFailures;
  private final Duration firstLock;
  private final Duration maxLock;
  private final int capacity;
  private final String clientAddressHeader;
  private final Clock clock;
  /** In access order, so that the least recently seen pairs are the first to go when full. */
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);

  @Autowired
  LoginThrottle(@Value("${anju.login.max-failures:5}") int maxFailures,
      @Value("${anju.login.first-lock:PT1M}") Duration firstLock,
      @Value("${anju.login.max-lock:PT15M}") Duration maxLock,
      @Value("${anju.login.capacity:10000}") int capacity,
      @Value("${anju.login.client-address-header:}") String clientAddressHeader) {
    this(maxFailures, firstLock, maxLock, capacity, clientAddressHeader, new EngineClock());
  }

  LoginThrottle(int maxFailures, Duration firstLock, Duration maxLock, int capacity, String clientAddressHeader,
      Clock clock) {
    this.maxFailures = maxFailures;
    this.firstLock = firstLock;
    this.maxLock = maxLock;
    this.capacity = capacity;
    this.clientAddressHeader = clientAddressHeader == null ? "" : clientAddressHeader.strip();
    this.clock = clock;
  }

  /**
   * The source of a request: its remote address, or, only when {@code anju.login.client-address-header}
   * names the header a trusted reverse proxy sets (e.g. {@code X-Forwarded-For}), the last address in it,
   * the one that proxy saw. The header is not trusted by default: anyone can send it.
   */
  public String sourceOf(HttpServletRequest request) {
    if (!clientAddressHeader.isEmpty()) {
      String forwarded = request.getHeader(clientAddressHeader);
      if (forwarded != null && !forwarded.isBlank()) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        if (!last.isEmpty()) {
          return last;
        }
      }
    }
    return request.getRemoteAddr();
  }

  /** How long {@code user} from {@code source} must still wait, or empty when it may try now. */
  public synchronized Optional<Duration> lockedFor(String user, String source) {
    Entry entry = entries.get(key(user, source));
    Instant now = clock.instant();
    return entry != null && entry.lockedUntil.isAfter(now)
        ? Optional.of(Duration.between(now, entry.lockedUntil)) : Optional.empty();
  }

  /**
   * Counts an attempt as failed before the password is checked, so that attempts in parallel cannot
   * exceed the limit; {@link #succeeded} takes it back. Throws {@link Locked} without counting while the
   * pair is locked.
   */
  public synchronized void attempt(String user, String source) {
    Instant now = clock.instant();
    Key key = key(user, source);
    Entry entry = entries.get(key);
    if (entry != null && entry.lockedUntil.isAfter(now)) {
      throw new Locked(Duration.between(now, entry.lockedUntil));
    }
    if (entry == null || entry.lastFailure.plus(FORGET_AFTER).isBefore(now)) {
      makeRoom(now);
      entry = new Entry();
      entries.put(key, entry);
    }
    entry.failures++;
    entry.lastFailure = now;
    if (entry.failures >= maxFailures) {
      int doublings = Math.min(entry.failures - maxFailures, 30);
      Duration lock = firstLock.multipliedBy(1L << doublings);
      entry.lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
    }
  }

  /** A correct password: the pair starts again from zero. */
  public synchronized void succeeded(String user, String source) {
    entries.remove(key(user, source));
  }

  synchronized int size() {
    return entries.size();
  }

  /** Answers a locked pair: 429 with Retry-After and the reason, the password unchecked. */
  static void refuse(HttpServletResponse response, Duration retryAfter) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds(retryAfter)));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"LoginThrottled\",\"message\":\"" + new Locked(retryAfter).getMessage() + "\"}");
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  private static Key key(String user, String source) {
    String id = user == null ? "" : user.toLowerCase(Locale.ROOT);
    return new Key(id.length() > MAX_KEY_LENGTH ? id.substring(0, MAX_KEY_LENGTH) : id, String.valueOf(source));
  }

  /** Below capacity: drops forgotten pairs, then the least recently seen pair that is not locked. */
  private void makeRoom(Instant now) {
    if (entries.size() < capacity) {
      return;
    }
    entries.values().removeIf(e -> !e.lockedUntil.isAfter(now) && e.lastFailure.plus(FORGET_AFTER).isBefore(now));
    Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
    while (entries.size() >= capacity && oldest.hasNext()) {
      if (!oldest.next().getValue().lockedUntil.isAfter(now)) {
        oldest.remove();
      }
    }
    oldest = entries.entrySet().iterator();
    while (entries.size() >= capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  /** The engine's clock, which tests move with {@link ClockUtil}, like the engine's own timers. */
  private static final class EngineClock extends Clock {

    @Override
    public ZoneId getZone() {
      return org.anju.clock.AnjuClock.zone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
