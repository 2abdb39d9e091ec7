package org.anju.access;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Identity rules inside the engine, so that no route around Anju's API escapes them: {@link PasswordRules}
 * as the engine's password policy ({@code enable-password-policy} in application.yaml), {@link IdentityRules}
 * on every saved user and {@link LoginThrottleInterceptor} on every password check of a request.
 */
@Component
class IdentityRulesPlugin extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  IdentityRulesPlugin(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new PasswordRules());
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new IdentityRules());
    interceptors.add(new LoginThrottleInterceptor(throttle));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
