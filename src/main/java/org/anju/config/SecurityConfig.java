package org.anju.config;

import java.util.Map;

import org.anju.access.BasicAuthenticationFilter;
import org.anju.access.LoginThrottle;
import org.anju.access.LoginThrottleFilter;
import org.anju.access.RequestBodyLimit;
import org.anju.access.RestRefusals;
import org.anju.access.WebappsRefusalFilter;
import org.anju.access.RestSurfaceFilter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who must log in where: the engine REST API and Anju's API need HTTP Basic credentials; the webapps
 * (Tasklist, Cockpit, Admin) have their own login and CSRF protection; only health is open.
 */
@Configuration
class SecurityConfig {

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> basicAuthentication(IdentityService identity) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new BasicAuthenticationFilter(identity));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus/*", "/intake/*");
    registration.setName("anjuBasicAuthentication");
    registration.setOrder(1);
    return registration;
  }

  /** Before the webapps check a password: 429 for a user who failed too often from this source. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setName("anjuLoginThrottle");
    registration.setOrder(0);
    return registration;
  }

  /**
   * Before anything reads a body: each request's body is bounded, uploads by their own limits. Runs
   * first of all filters, so that not even a login check reads an oversized body.
   */
  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
      @Value("${anju.limits.request-body:1MB}") DataSize body,
      @Value("${anju.intake.max-file-size:50MB}") DataSize register,
      @Value("${anju.limits.staff-import:5MB}") DataSize staffImport,
      @Value("${anju.documents.max-request-size:100MB}") DataSize documents) {
    FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(
        Map.of("/api/intake/registers", register.toBytes() + 64 * 1024, "/api/admin/users", staffImport.toBytes(),
            "/api/tasks/", documents.toBytes()),
        body.toBytes()));
    registration.addUrlPatterns("/*");
    registration.setName("anjuRequestBodyLimit");
    registration.setOrder(Integer.MIN_VALUE);
    return registration;
  }

  /**
   * After the login: staff reach only the engine REST API's staff surface, on both of its mounts. The
   * engine checks the same itself (StaffCommandPolicy, FormSubmissionPolicy); this is the second line.
   */
  @Bean
  FilterRegistrationBean<RestSurfaceFilter> restSurface(IdentityService identity) {
    FilterRegistrationBean<RestSurfaceFilter> registration = new FilterRegistrationBean<>(new RestSurfaceFilter(identity));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("anjuRestSurface");
    registration.setOrder(2);
    return registration;
  }

  /** Tasklist's form refusals without the REST API's prefix: the webapps' mount has Camunda's own error mappers. */
  @Bean
  FilterRegistrationBean<WebappsRefusalFilter> webappsRefusals() {
    FilterRegistrationBean<WebappsRefusalFilter> registration = new FilterRegistrationBean<>(new WebappsRefusalFilter());
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("anjuWebappsRefusals");
    registration.setOrder(3);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer restRefusals() {
    return config -> config.register(RestRefusals.class)
        .register(RestRefusals.Unwrapped.class);
  }
}
