package org.anju.access;

import java.util.LinkedHashMap;
import java.util.Map;

import org.anju.tasklist.FieldErrors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a REST call on another county's task or case with 404, as if it did not exist (the engine
 * refuses it in its tenant check, which its REST API would report as a 500), and the other refusals
 * of bad input that the REST API reports as server errors with 400 or 404.
 */
@Priority(1)
public class RestRefusals extends RestExceptionHandler {

  /** The engine's message for a tenant-check refusal (error ENGINE-13034 and its siblings). */
  static final String TENANT_REFUSAL = "belongs to no authenticated tenant";
  /**
   * The one answer for "not yours" and "not there": the same words for every id on every path, so
   * that another county's ids cannot be told from ids that do not exist.
   */
  public static final String NOT_FOUND = "Not found: no such task or case in your county / 未找到：本县没有此任务或案件";

  @Override
  public Response toResponse(RestException exception) {
    Response refusal = clientError(exception);
    if (refusal == null && exception.getStatus() == Response.Status.NOT_FOUND) {
      return notFound(); // the REST API's own "does not exist" names the id; ours is the same for every id
    }
    return refusal != null ? refusal : super.toResponse(exception);
  }

  /** The same for the calls whose engine exception reaches the REST API unwrapped. */
  @Priority(1)
  public static class Unwrapped extends ProcessEngineExceptionHandler {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response refusal = clientError(exception);
      return refusal != null ? refusal : super.toResponse(exception);
    }
  }

  /**
   * The engine reports some refusals of bad input as server errors, depending on the endpoint: a
   * form check failing on {@code /start} rather than {@code /submit-form}, an unknown task id, a
   * value the engine cannot convert. They are the caller's mistakes, so they are answered as such.
   */
  static Response clientError(Throwable exception) {
    if (mentionsTenantRefusal(exception)) {
      return notFound();
    }
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof FieldErrors.Refusal refusal) {
        return fieldRefusal(refusal);
      }
    }
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof FormFieldValidationException) {
        return status(Response.Status.BAD_REQUEST, "InvalidRequestException", t.getMessage());
      }
      if (t instanceof AuthorizationException) {
        return status(Response.Status.FORBIDDEN, "AuthorizationException", t.getMessage());
      }
      if (t instanceof TaskAlreadyClaimedException) {
        return status(Response.Status.CONFLICT, "TaskAlreadyClaimedException",
            "Conflict: the task is already claimed by someone else / 任务已被他人认领");
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (message.matches("(?s).*(task is null|execution is null|process instance is null|does ?n[o']t exist|"
          + "[Nn]ot found|No [a-zA-Z ]+ found|Cannot find).*")) {
        return notFound();
      }
      if (message.contains("ENGINE-17007") || t instanceof IllegalArgumentException) {
        return status(Response.Status.BAD_REQUEST, "InvalidRequestException", "Invalid input: " + message);
      }
    }
    return null;
  }

  /**
   * A form refused by Anju's rules: the message is our sentences alone, without the REST API's "Cannot submit
   * task form …:" or "Cannot instantiate process definition …:" and without ids, since Tasklist shows it to the
   * clerk as it is; {@code errors} lists each field with its reason in English and Chinese, for programs.
   */
  static Response fieldRefusal(FieldErrors.Refusal refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", refusal.getMessage());
    body.put("code", 0);
    body.put("errors", refusal.problems().stream().map(p -> {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", p.field());
      error.put("reason", p.reasonEn());
      error.put("reasonZh", p.reasonZh());
      return error;
    }).toList());
    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response status(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response notFound() {
    return status(Response.Status.NOT_FOUND, "NotFoundException", NOT_FOUND);
  }

  static boolean mentionsTenantRefusal(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(TENANT_REFUSAL)) {
        return true;
      }
    }
    return false;
  }
}
