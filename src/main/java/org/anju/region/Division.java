package org.anju.region;

/** One administrative division of Shanxi (National Bureau of Statistics code). */
public record Division(String code, String name, Level level, String parentCode) {

  /** The levels a division can have. */
  public enum Level { PROVINCE, CITY, COUNTY, TOWNSHIP }
}
