package org.anju.intake;

import org.anju.api.ApiProblem;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The upload limit of registers (413 beyond), the upload permission gate and the intake page at {@code /intake/}. */
@Configuration
class IntakeWebConfig {

  static final String UPLOAD_PATH = "/api/intake/registers";

  /**
   * The limits of {@code spring.servlet.multipart} (a register may have up to {@code max-file-size},
   * {@code anju.intake.max-file-size} in application.yaml); the request may be 1 MB larger than the
   * file, for the multipart framing, so that it is the file's limit that a too large register meets.
   */
  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties multipart) {
    long file = multipart.getMaxFileSize().toBytes();
    long request = file < 0 || multipart.getMaxRequestSize().toBytes() < 0 ? -1
        : Math.max(multipart.getMaxRequestSize().toBytes(), file + DataSize.ofMegabytes(1).toBytes());
    return new MultipartConfigElement(multipart.getLocation(), file, request,
        (int) multipart.getFileSizeThreshold().toBytes());
  }

  /** Runs after the login (order 1), before the servlet reads the multipart body. */
  @Bean
  FilterRegistrationBean<UploadGate> registerUploadGate(IdentityService identity, RegisterPermission permission,
      ObjectMapper json) {
    FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(
        new UploadGate(identity, permission, json));
    registration.addUrlPatterns(UPLOAD_PATH);
    registration.setName("anjuRegisterUploadGate");
    registration.setOrder(3);
    return registration;
  }

  /**
   * Refuses an upload by a user who may not register households with 403 before a byte of the file is
   * read or stored: such an upload could only fail row by row.
   */
  static final class UploadGate extends OncePerRequestFilter {
    private final IdentityService identity;
    private final RegisterPermission permission;
    private final ObjectMapper json;

    UploadGate(IdentityService identity, RegisterPermission permission, ObjectMapper json) {
      this.identity = identity;
      this.permission = permission;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Uploader who = Uploader.of(identity.getCurrentAuthentication());
      if ("POST".equals(request.getMethod()) && !permission.mayRegister(who)) {
        var problem = ApiProblem.forbidden(permission.refusal(who));
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(ApiProblem.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem.getBody());
        return;
      }
      chain.doFilter(request, response);
    }
  }

  @Controller
  static class IntakePage {
    @GetMapping({"/intake", "/intake/"})
    String page() {
      return "forward:/intake/index.html";
    }
  }

  // before Spring's own problem-details handler, which would answer the same exceptions without the field
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  @RestControllerAdvice
  static class TooLarge {
    private final MultipartConfigElement limits;

    TooLarge(MultipartConfigElement limits) {
      this.limits = limits;
    }

    /**
     * The limit named is the one in effect: the exception's own size is -1 when the servlet container
     * refused the upload, and a limit below 1 MB would read as "0 MB".
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
      String reason = tooLargeReason(limits);
      ResponseEntity<Map<String, Object>> problem = ApiProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "file: " + reason);
      problem.getBody().put("errors", List.of(Map.of("field", "file", "reason", reason)));
      problem.getBody().put("maxFileSize", limits.getMaxFileSize());
      return problem;
    }
  }

  /** Why a file is refused as too large, naming the limit in effect; the page says the same before uploading. */
  static String tooLargeReason(MultipartConfigElement limits) {
    String limit = readable(limits.getMaxFileSize());
    return "文件过大：每个文件最多 " + limit + "；请拆分花名册。 is too large: at most " + limit
        + " per file; split the register";
  }

  /** A size as people read it: 50 MB, 1.5 MB, 512 KB, 100 bytes. */
  static String readable(long bytes) {
    long kb = DataSize.ofKilobytes(1).toBytes();
    long mb = DataSize.ofMegabytes(1).toBytes();
    if (bytes >= mb) {
      return bytes % mb == 0 ? bytes / mb + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / (double) mb);
    }
    if (bytes >= kb) {
      return bytes % kb == 0 ? bytes / kb + " KB" : String.format(Locale.ROOT, "%.1f KB", bytes / (double) kb);
    }
    return bytes + " bytes";
  }
}
