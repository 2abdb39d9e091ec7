package org.anju.access;

import org.anju.api.ApiProblem;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Anju's API answers every refusal it meets outside a controller as a problem detail ({@link ApiProblem}). */
// before Spring's own problem-details handler, which would answer the same exceptions without the field
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ApiErrors {

  /** The caller may not do this. */
  static class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  static ResponseEntity<Map<String, Object>> badRequest(String field, String reason) {
    return ApiProblem.badRequest(field, reason);
  }

  @ExceptionHandler(Forbidden.class)
  ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
    return ApiProblem.forbidden(e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException e) {
    return ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        "Content-Type " + e.getContentType() + " is not accepted here; send " + e.getSupportedMediaTypes()
            + " / 不接受此格式，请发送 " + e.getSupportedMediaTypes());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ApiProblem.badRequest("body", "is missing or unreadable / 请求内容缺失或无法读取");
  }
}
