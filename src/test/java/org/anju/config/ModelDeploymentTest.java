package org.anju.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.anju.household.HouseholdCaseProcess;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A restart, from either the jar or {@code mvn spring-boot:run}, deploys nothing new when nothing changed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ModelDeploymentTest {

  @Autowired
  ModelDeployment deployment;
  @Autowired
  RepositoryService repository;
  @Autowired
  ApplicationContext context;
  @Autowired
  TestRestTemplate rest;

  @Test
  void shouldDeployModelsAndFormsTogetherUnderStableNames() {
    var deployed = repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).singleResult();
    assertThat(repository.getDeploymentResources(deployed.getId())).extracting(Resource::getName)
        .contains(HouseholdCaseProcess.RESOURCE, "processes/problem-rectification.bpmn",
            "processes/renovation-plan.dmn", "processes/renovation-subsidy.dmn",
            "forms/register-household.form", "forms/verify-housing.form",
            "processes/relocation-follow-up.bpmn", "forms/relocation-follow-up-visit.form")
        .allMatch(name -> name.matches("(processes|forms)/[a-z-]+\\.(bpmn|dmn|form)"));
  }

  @Test
  void shouldCreateNoNewVersionWhenRestartedWithUnchangedModels() {
    deployment.deploy();
    deployment.deploy();

    assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count()).isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(HouseholdCaseProcess.KEY)
        .latestVersion().singleResult().getVersion()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("renovation-plan").count()).isEqualTo(1);
  }

  /**
   * A node says UP only once it is ready: Spring Boot sets "ready" after every startup runner, the models'
   * deployment among them. Before, health said UP while the web server was up and the models not deployed
   * yet, and a load balancer sent a node's first requests to a node that could not start a case (issue 17).
   */
  @Test
  void shouldSayOutOfServiceUntilTheNodeIsReady() {
    try {
      AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
      ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
      assertThat(health.getStatusCode().value()).isEqualTo(503);
      assertThat(health.getBody()).contains("OUT_OF_SERVICE");
      assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(503);
      assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getBody()).contains("\"UP\"");
  }
}
