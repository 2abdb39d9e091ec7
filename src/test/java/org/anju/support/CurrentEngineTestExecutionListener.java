package org.anju.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The engine REST API finds its engine by name in Camunda's static registry, where the engine of
 * the Spring context started last is "default". Several test contexts live side by side in one JVM
 * (Spring caches them), so before each test the engine of the test's own context is made the
 * default again; otherwise a test's REST calls could reach another context's engine, which knows
 * nothing of the caller's login. In production there is one engine per JVM.
 */
public class CurrentEngineTestExecutionListener implements TestExecutionListener {

  @Override
  public void prepareTestInstance(TestContext testContext) {
    makeDefault(testContext); // before @BeforeAll/@BeforeEach set-ups that call the REST API
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    makeDefault(testContext);
  }

  private static void makeDefault(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
    if (engine != null) {
      ProcessEngines.registerProcessEngine(engine);
      // the webapps (Tasklist, Cockpit) look engines up in the runtime container instead
      RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
      ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
      if (registered != engine) {
        if (registered != null) {
          container.unregisterProcessEngine(registered);
        }
        container.registerProcessEngine(engine);
      }
    }
  }
}
