package org.anju.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of every Anju API: RFC 9457 problem details ({@code application/problem+json}) with
 * {@code type}, {@code title} (Chinese and English), {@code status} and {@code detail}, and for bad input
 * {@code errors}, each naming its {@code field} and {@code reason}. {@code message} repeats {@code detail}
 * for the pages that read it.
 */
public final class ApiProblem {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private ApiProblem() {}

  /** Bad input in one field. */
  public static ResponseEntity<Map<String, Object>> badRequest(String field, String reason) {
    return invalid(field + ": " + reason, List.of(Map.of("field", field, "reason", reason)));
  }

  /** Bad input, with its problems: {@code {field, reason}} maps or rows that name their line, field and reason. */
  public static ResponseEntity<Map<String, Object>> invalid(String detail, List<?> errors) {
    Map<String, Object> body = body(HttpStatus.BAD_REQUEST, "validation", detail);
    body.put("errors", errors);
    return ResponseEntity.badRequest().contentType(PROBLEM_JSON).body(body);
  }

  /** Any other refusal: {@code code} names its kind ({@code forbidden}, {@code not-found}, {@code conflict}, …). */
  public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String code, String detail) {
    return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body(status, code, detail));
  }

  public static ResponseEntity<Map<String, Object>> forbidden(String detail) {
    return of(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  public static ResponseEntity<Map<String, Object>> notFound(String detail) {
    return of(HttpStatus.NOT_FOUND, "not-found", detail);
  }

  private static Map<String, Object> body(HttpStatus status, String code, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:anju:problem:" + code);
    body.put("title", title(status));
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("message", detail);
    return body;
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "输入有误 Invalid input";
      case UNAUTHORIZED -> "需要登录 Login required";
      case FORBIDDEN -> "无权操作 Not allowed";
      case NOT_FOUND -> "未找到 Not found";
      case CONFLICT -> "冲突 Conflict";
      case PAYLOAD_TOO_LARGE -> "内容过大 Too large";
      case UNSUPPORTED_MEDIA_TYPE -> "格式不支持 Unsupported format";
      case TOO_MANY_REQUESTS -> "请求过多 Too many requests";
      default -> status.value() + " " + status.getReasonPhrase();
    };
  }
}
