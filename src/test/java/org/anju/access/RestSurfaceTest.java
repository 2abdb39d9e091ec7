package org.anju.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * The staff surface against the engine REST API's own list of endpoints, read from its JAX-RS resources:
 * every endpoint is either allowed to staff (the list wins) or refused for a stated reason, never neither, so
 * that an upgrade that adds an endpoint fails here until someone decides about it.
 */
class RestSurfaceTest {

  private static final List<Class<? extends Annotation>> METHODS =
      List.of(GET.class, POST.class, PUT.class, DELETE.class, OPTIONS.class, HEAD.class, PATCH.class);

  @Test
  void shouldDecideAboutEveryEndpointOfTheEngineRestApi() {
    Set<String> endpoints = endpoints();
    assertThat(endpoints).as("the REST API's resources were read").hasSizeGreaterThan(400);
    List<String> undecided = endpoints.stream().filter(e -> !allowed(e) && reason(e) == null).toList();
    assertThat(undecided).as("endpoints neither allowed to staff nor refused on purpose").isEmpty();
  }

  @Test
  void shouldAllowStaffOnlyEndpointsThatExist() {
    Set<String> endpoints = endpoints();
    assertThat(RestSurface.STAFF).as("staff entries that name no endpoint (stale after an upgrade?)")
        .allSatisfy(entry -> assertThat(endpoints).contains(entry));
  }

  @Test
  void shouldRefuseTheWritesThatAClerksWorkDoesNotNeed() {
    assertThat(List.of("POST /job/{id}/execute", "PUT /job/{id}/retries", "PUT /job/{id}/duedate",
        "POST /task/{id}/resolve", "POST /task/{id}/assignee", "POST /task/{id}/delegate", "DELETE /task/{id}",
        "POST /process-instance/{id}/modification", "PUT /task/{id}/variables/{varId}", "POST /condition",
        "GET /history/process-definition/{id}/statistics", "GET /task/report/candidate-group-count",
        "POST /identity/verify"))
        .allSatisfy(endpoint -> assertThat(allowed(endpoint)).as(endpoint).isFalse());
  }

  @ParameterizedTest(name = "{0} is not read as a path")
  @ValueSource(strings = {"/task/1/complete/", "/task/1;x=1/complete", "/task/1/complete;x", "/task/1%2Fcomplete",
      "/task/./1/complete", "/task/1/../2/complete", "/task//1/complete", "/task/1%3Bx/complete", "/task\\1",
      "/task/1%252Fcomplete", "/task/%zz"})
  void shouldNotReadAPathThatTheRestApiCouldReadAnotherWay(String path) {
    assertThat(RestSurfaceFilter.canonical(path)).isNull();
  }

  @Test
  void shouldReadAnEncodedPathAsTheRestApiDoes() {
    assertThat(RestSurfaceFilter.canonical("/process-definition/household-case%3A1%3Aabc/submit-form"))
        .isEqualTo("/process-definition/household-case:1:abc/submit-form");
    assertThat(RestSurface.allowsStaff("POST", "/task/abc/complete")).isTrue();
    assertThat(RestSurface.allowsStaff("POST", "/task/abc/resolve")).isFalse();
    assertThat(RestSurface.allowsStaff("post", "/task/abc/complete")).isFalse();
    assertThat(RestSurface.allowsStaff("POST", "/TASK/abc/complete")).isFalse();
  }

  private static boolean allowed(String endpoint) {
    return RestSurface.STAFF.contains(endpoint);
  }

  private static String reason(String endpoint) {
    String[] parts = endpoint.split(" ", 2);
    return RestSurface.adminOnlyReason(parts[0], parts[1]);
  }

  /** Every (method, path template) of the engine REST API, walked from its root resource through its sub-resources. */
  static Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    walk(DefaultProcessEngineRestServiceImpl.class, "", endpoints, 0);
    return endpoints;
  }

  private static void walk(Class<?> resource, String prefix, Set<String> endpoints, int depth) {
    if (depth > 8) {
      return;
    }
    for (Method method : resource.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      String template = (prefix + (path == null ? "" : "/" + path.value())).replaceAll("/+", "/")
          .replaceAll("\\{([\\w-]+):[^}]*}", "{$1}");
      String http = METHODS.stream().filter(method::isAnnotationPresent).map(Class::getSimpleName).findFirst().orElse(null);
      if (http != null) {
        endpoints.add(http + " " + (template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template));
      } else if (path != null) {
        walk(method.getReturnType(), template, endpoints, depth + 1);
      }
    }
  }
}
