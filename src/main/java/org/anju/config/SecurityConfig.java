package org.anju.config;

import org.anju.access.BasicAuthenticationFilter;
import org.anju.access.OtherCountyExceptionHandler;
import org.camunda.bpm.engine.IdentityService;
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
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus/*");
    registration.setName("anjuBasicAuthentication");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer otherCountyAsNotFound() {
    return config -> config.register(OtherCountyExceptionHandler.class)
        .register(OtherCountyExceptionHandler.Unwrapped.class);
  }
}
