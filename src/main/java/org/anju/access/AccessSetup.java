package org.anju.access;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every start: the province-wide groups and their permissions, before any county is set up. */
@Component
@Order(0)
public class AccessSetup implements ApplicationRunner {

  private final CountySetup counties;

  public AccessSetup(CountySetup counties) {
    this.counties = counties;
  }

  @Override
  public void run(ApplicationArguments args) {
    counties.setUpProvince();
  }
}
