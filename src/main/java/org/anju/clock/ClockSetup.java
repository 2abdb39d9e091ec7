package org.anju.clock;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Sets {@link AnjuClock}'s zone from {@code anju.zone} when the application starts, before the engine runs. */
@Component
class ClockSetup {

  ClockSetup(@Value("${anju.zone:Asia/Shanghai}") String zone) {
    AnjuClock.configure(ZoneId.of(zone));
  }
}
