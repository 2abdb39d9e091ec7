package org.anju.documents;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.anju.clock.AnjuClock;
import org.anju.tasklist.FieldErrors;

/** The position and time a phone gives with its photos (the field page), checked field by field. */
final class DevicePosition {

  /** A phone's own fix is rarely worse than a few kilometres; beyond that it says nothing about the house. */
  static final double MAX_ACCURACY_METRES = 100_000;
  /** A phone's clock may run a little ahead of the server's. */
  static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private DevicePosition() {}

  static CaseDocuments.Position of(String latitude, String longitude, String accuracy, String takenAt,
      FieldErrors errors) {
    Double lat = number("latitude", latitude, -90, 90, errors);
    Double lon = number("longitude", longitude, -180, 180, errors);
    Double metres = number("accuracy", accuracy, 0, MAX_ACCURACY_METRES, errors);
    if ((lat == null) != (lon == null) && !errors.has("latitude") && !errors.has("longitude")) {
      errors.add(lat == null ? "latitude" : "longitude", "须与经度、纬度一起给出", "must be given with the other coordinate");
    }
    if (metres != null && lat == null && !errors.has("latitude") && !errors.has("longitude")) {
      errors.add("accuracy", "只有给出经纬度时才能给出精度", "is given only with latitude and longitude");
    }
    Instant taken = null;
    if (takenAt != null && !takenAt.isBlank()) {
      try {
        taken = Instant.parse(takenAt.strip());
        if (taken.isAfter(AnjuClock.now().plus(CLOCK_SKEW))) {
          errors.add("takenAt", "晚于现在", "is in the future");
        }
      } catch (DateTimeParseException e) {
        errors.add("takenAt", "须为 ISO 时间，如 2020-05-20T08:30:00Z", "must be an ISO instant, e.g. 2020-05-20T08:30:00Z");
      }
    }
    return new CaseDocuments.Position(lat, lon, metres, taken);
  }

  private static Double number(String field, String given, double min, double max, FieldErrors errors) {
    if (given == null || given.isBlank()) {
      return null;
    }
    try {
      double value = Double.parseDouble(given.strip());
      if (Double.isNaN(value) || value < min || value > max) {
        errors.add(field, "须在 " + fmt(min) + " 到 " + fmt(max) + " 之间", "must be between " + fmt(min) + " and " + fmt(max));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(field, "须为数字", "must be a number");
      return null;
    }
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
