package org.anju.config;

import org.anju.access.BasicAuthenticationFilter;
import org.anju.access.RestRefusals;
import org.anju.tasklist.FormSubmissionGuard;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
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

  /** After the login: a step's submission carries only its form's fields. */
  @Bean
  FilterRegistrationBean<FormSubmissionGuard> formSubmissionGuard(TaskService tasks, FormService forms,
      RepositoryService repository, IdentityService identity) {
    FilterRegistrationBean<FormSubmissionGuard> registration =
        new FilterRegistrationBean<>(new FormSubmissionGuard(tasks, forms, repository, identity));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("anjuFormSubmissionGuard");
    registration.setOrder(2);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer restRefusals() {
    return config -> config.register(RestRefusals.class)
        .register(RestRefusals.Unwrapped.class);
  }
}
