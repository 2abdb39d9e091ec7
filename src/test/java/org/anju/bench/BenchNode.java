package org.anju.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import org.anju.AnjuApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the two-node run ({@link NodesBench}): the whole application, in a process of its own so that it
 * can be killed, whose engine clock follows a file that the run writes. Written once, the file moves every
 * node's clock to that instant at about the same moment; the clock goes on from there (an offset, not a
 * frozen time, so that the job locks of a killed node expire as they would).
 *
 * <p>Arguments: the application's; the file is {@code -Danju.bench.clock-file=PATH}.
 */
public final class BenchNode {

  private BenchNode() {}

  public static void main(String[] args) {
    Path clockFile = Path.of(System.getProperty("anju.bench.clock-file"));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(AnjuApplication.class).run(args);
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    Thread clock = new Thread(() -> {
      long applied = 0;
      while (true) {
        try {
          if (Files.exists(clockFile)) {
            long at = Long.parseLong(Files.readString(clockFile).strip());
            if (at != applied) {
              ClockUtil.offset(at - System.currentTimeMillis());
              engine.getJobExecutor().jobWasAdded();
              System.out.println("bench clock moved to " + new Date(at));
              applied = at;
            }
          }
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          System.err.println("bench clock file unreadable: " + e); // half written: read again
        }
      }
    }, "bench-clock");
    clock.setDaemon(true);
    clock.start();
  }
}
