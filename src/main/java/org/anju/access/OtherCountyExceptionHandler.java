package org.anju.access;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a REST call on another county's task or case with 404, as if it did not exist. The engine
 * refuses such a call in its tenant check, which its REST API would otherwise report as a 500.
 */
@Priority(1)
public class OtherCountyExceptionHandler extends RestExceptionHandler {

  /** The engine's message for a tenant-check refusal (error ENGINE-13034 and its siblings). */
  static final String TENANT_REFUSAL = "belongs to no authenticated tenant";

  @Override
  public Response toResponse(RestException exception) {
    return mentionsTenantRefusal(exception) ? notFound() : super.toResponse(exception);
  }

  /** The same for the calls whose engine exception reaches the REST API unwrapped. */
  @Priority(1)
  public static class Unwrapped extends ProcessEngineExceptionHandler {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return mentionsTenantRefusal(exception) ? notFound() : super.toResponse(exception);
    }
  }

  static Response notFound() {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("NotFoundException");
    dto.setMessage("Not found: no such task or case in your county");
    return Response.status(Response.Status.NOT_FOUND).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
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
