package org.anju.region;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The 18-character resident ID number of GB 11643-1999. */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  /**
   * The 2-digit codes of China's provinces, autonomous regions and municipalities (GB/T 2260), Taiwan, Hong
   * Kong and Macao: a resident may be born anywhere in China, so the address code is checked only this far.
   */
  static final Set<String> PROVINCE_CODES = Set.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
      "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
      "71", "81", "82");

  private ResidentIdNumber() {}

  /** Why a resident ID number is refused, in Chinese and in English. */
  public record Problem(String zh, String en) {}

  /**
   * Why {@code value} is not a valid resident ID number on {@code today}, or empty when it is.
   * Checks length, digits, the province of the address code, birth date and the ISO 7064 MOD 11-2 check
   * character.
   */
  public static Optional<String> problem(String value, LocalDate today) {
    return reason(value, today).map(Problem::en);
  }

  /** {@link #problem}, in Chinese and in English. */
  public static Optional<Problem> reason(String value, LocalDate today) {
    if (value == null || value.isBlank()) {
      return Optional.of(new Problem("必填", "is required"));
    }
    if (value.length() != 18) {
      return Optional.of(new Problem("应为 18 位，现为 " + value.length() + " 位",
          "must have 18 characters, not " + value.length()));
    }
    for (int i = 0; i < 17; i++) {
      if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
        return Optional.of(new Problem("第 " + (i + 1) + " 位应为数字", "character " + (i + 1) + " must be a digit"));
      }
    }
    if (!PROVINCE_CODES.contains(value.substring(0, 2))) {
      return Optional.of(new Problem("地址码 " + value.substring(0, 6) + " 不存在（前 2 位须是省份代码，山西为 14）",
          "has an unknown area code " + value.substring(0, 6)
              + " (its first 2 digits must be a province of China, e.g. 14 for Shanxi)"));
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
          Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.of(new Problem("出生日期 " + value.substring(6, 14) + " 不存在",
          "contains an impossible birth date " + value.substring(6, 14)));
    }
    if (birth.getYear() < 1900 || birth.isAfter(today)) {
      return Optional.of(new Problem("出生日期 " + value.substring(6, 14) + " 超出范围",
          "contains a birth date out of range " + value.substring(6, 14)));
    }
    char expected = checkCharacter(value.substring(0, 17));
    char actual = Character.toUpperCase(value.charAt(17));
    if (actual != expected) {
      return Optional.of(new Problem("校验位错误，应为 " + expected,
          "has a wrong check character '" + value.charAt(17) + "' (expected '" + expected + "')"));
    }
    return Optional.empty();
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS[sum % 11];
  }

  /** Shows only the first 6 and last 4 characters, for places where the whole number must not appear. */
  public static String mask(String value) {
    if (value == null || value.length() < 10) {
      return "******";
    }
    return value.substring(0, 6) + "********" + value.substring(value.length() - 4);
  }
}
