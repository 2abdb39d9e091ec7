package org.anju;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Anju: the rural housing security process application. */
@SpringBootApplication
public class AnjuApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnjuApplication.class, args);
  }
}
