package org.anju.access;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Anju's API answers every refusal as JSON with a type, a message and, for bad input, the fields. */
@RestControllerAdvice
class ApiErrors {

  /** The caller may not do this. */
  static class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  static ResponseEntity<Map<String, Object>> badRequest(String field, String reason) {
    return ResponseEntity.badRequest().body(Map.of("type", "ValidationException", "message", field + ": " + reason,
        "errors", List.of(Map.of("field", field, "reason", reason))));
  }

  @ExceptionHandler(Forbidden.class)
  ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("type", "AuthorizationException", "message", e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("type", "UnsupportedMediaType",
        "message", "Content-Type " + e.getContentType() + " is not accepted here; send " + e.getSupportedMediaTypes()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(Map.of("type", "ValidationException", "message", "body: is missing or unreadable"));
  }
}
