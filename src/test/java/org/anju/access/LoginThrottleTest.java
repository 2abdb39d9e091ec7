package org.anju.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@link LoginThrottle} on its own, on a clock the test moves. */
class LoginThrottleTest {

  static final String USER = "klvillage";
  static final String ATTACKER = "203.0.113.7";
  static final String OWNER = "198.51.100.20";

  private final MovingClock clock = new MovingClock();
  private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(15), 100, "", clock);

  @Test
  void shouldLockAUserForOneSourceAfterFiveFailuresAndLetAnotherSourceIn() {
    fail(5, ATTACKER);

    assertThatThrownBy(() -> throttle.attempt(USER, ATTACKER)).isInstanceOf(LoginThrottle.Locked.class)
        .hasMessageContaining("Too many failed logins").hasMessageContaining("try again in 60 seconds");
    assertThat(throttle.lockedFor(USER, ATTACKER)).contains(Duration.ofMinutes(1));
    assertThat(throttle.lockedFor(USER, OWNER)).isEmpty();
    assertThatCode(() -> throttle.attempt(USER, OWNER)).doesNotThrowAnyException();
  }

  @Test
  void shouldAllowFourFailuresWithoutALock() {
    fail(4, ATTACKER);

    assertThat(throttle.lockedFor(USER, ATTACKER)).isEmpty();
  }

  @Test
  void shouldDoubleTheLockAfterEachFurtherFailureUpToFifteenMinutesAndNeverForGood() {
    fail(5, ATTACKER);
    Duration[] expected = {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15),
        Duration.ofMinutes(15)};
    for (Duration lock : expected) {
      clock.advance(throttle.lockedFor(USER, ATTACKER).orElseThrow());
      assertThat(throttle.lockedFor(USER, ATTACKER)).as("the lock has expired").isEmpty();
      throttle.attempt(USER, ATTACKER);
      assertThat(throttle.lockedFor(USER, ATTACKER)).contains(lock);
    }
  }

  @Test
  void shouldStartAgainFromZeroAfterACorrectPassword() {
    fail(5, ATTACKER);
    clock.advance(Duration.ofMinutes(1));
    throttle.attempt(USER, ATTACKER);
    throttle.succeeded(USER, ATTACKER);

    fail(4, ATTACKER);

    assertThat(throttle.lockedFor(USER, ATTACKER)).isEmpty();
  }

  @Test
  void shouldTreatUserIdsAlikeWhateverTheirCase() {
    fail(5, ATTACKER);

    assertThat(throttle.lockedFor("KLVillage", ATTACKER)).isPresent();
  }

  @Test
  void shouldKeepALockedPairWhenAFloodOfMadeUpUsersFillsTheTable() {
    fail(5, ATTACKER);
    for (int i = 0; i < 1000; i++) {
      throttle.attempt("nobody" + i, ATTACKER);
    }

    assertThat(throttle.size()).isLessThanOrEqualTo(100);
    assertThat(throttle.lockedFor(USER, ATTACKER)).isPresent();
  }

  @Test
  void shouldUseTheRemoteAddressAndIgnoreForwardedForUnlessTrusted() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("10.0.0.5");
    request.addHeader("X-Forwarded-For", "1.2.3.4, 192.0.2.9");

    assertThat(throttle.sourceOf(request)).isEqualTo("10.0.0.5");
    assertThat(new LoginThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(15), 100, "X-Forwarded-For", clock)
        .sourceOf(request)).as("the last address, the one the trusted proxy saw").isEqualTo("192.0.2.9");
  }

  private void fail(int times, String source) {
    for (int i = 0; i < times; i++) {
      throttle.attempt(USER, source);
    }
  }

  /** A clock that stands still until the test moves it. */
  static final class MovingClock extends Clock {

    private Instant now = Instant.parse("2020-03-23T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
