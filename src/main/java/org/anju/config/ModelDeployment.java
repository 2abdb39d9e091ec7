package org.anju.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} as one deployment, so that
 * {@code formRefBinding="deployment"} finds each form beside its process. Resources are named
 * {@code processes/<file>} and {@code forms/<file>} however the application runs: the starter's
 * auto-deployment names them after their URL, which differs between {@code mvn spring-boot:run} and
 * the jar, and would deploy a new version of every unchanged model on each switch.
 */
@Component
@Order(1)
public class ModelDeployment implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "anju";
  static final List<String> PATTERNS =
      List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repository;

  public ModelDeployment(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) {
    deploy();
  }

  /** Deploys when anything changed since the last deployment; otherwise leaves every version as it is. */
  public void deploy() {
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        // false: a change to one file deploys them all, so forms stay beside their processes
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    for (Resource resource : resources()) {
      String name = folderOf(resource) + "/" + resource.getFilename();
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
      names.add(name);
    }
    var deployment = builder.deployWithResult();
    // with duplicate filtering an unchanged set returns the existing deployment and no definitions
    boolean changed = deployment.getDeployedProcessDefinitions() != null
        && !deployment.getDeployedProcessDefinitions().isEmpty();
    LOG.info("Models {}: {}", changed ? "deployed as " + deployment.getId() : "unchanged", names);
  }

  static List<Resource> resources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> all = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        all.addAll(List.of(resolver.getResources(pattern)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(r -> folderOf(r) + "/" + r.getFilename()));
    return all;
  }

  private static String folderOf(Resource resource) {
    String filename = resource.getFilename();
    return filename != null && filename.endsWith(".form") ? "forms" : "processes";
  }
}
