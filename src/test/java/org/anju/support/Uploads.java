package org.anju.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Uploads to the household file's documents API, as the Documents tab and the field page send them. */
public final class Uploads {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  private Uploads() {}

  /** A file part with its name, as a browser sends a chosen file. */
  public static ByteArrayResource file(String name, byte[] bytes) {
    return new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  /** A multipart body of {@code fields} (a list value is sent as repeated parts) with {@code headers}' login. */
  public static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(HttpHeaders headers, Map<String, ?> fields) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    fields.forEach((name, value) -> {
      if (value instanceof List<?> values) {
        values.forEach(v -> form.add(name, v));
      } else {
        form.add(name, value);
      }
    });
    HttpHeaders sent = new HttpHeaders();
    sent.putAll(headers);
    sent.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, sent);
  }

  /** POSTs {@code files} as {@code record} of the task, by the user {@code rest} is logged in as. */
  public static ResponseEntity<Map<String, Object>> upload(TestRestTemplate rest, String taskId, String record,
      ByteArrayResource... files) {
    return rest.exchange("/api/tasks/" + taskId + "/documents", HttpMethod.POST,
        multipart(new HttpHeaders(), Map.of("record", record, "file", List.of(files))), MAP);
  }

  /**
   * As a clerk does on the Documents tab: a photo for every record the step needs, now or for what its form will
   * say; returns how many were uploaded.
   */
  @SuppressWarnings("unchecked")
  public static int uploadWhatTheStepNeeds(TestRestTemplate rest, String taskId) {
    ResponseEntity<Map<String, Object>> listing = rest.exchange("/api/tasks/" + taskId + "/documents", HttpMethod.GET,
        null, MAP);
    assertThat(listing.getStatusCode().value()).as("documents of task %s: %s", taskId, listing.getBody()).isEqualTo(200);
    int uploaded = 0;
    for (Map<String, Object> record : (List<Map<String, Object>>) listing.getBody().get("records")) {
      if (!Boolean.TRUE.equals(record.get("required")) && record.get("condition") == null) {
        continue;
      }
      ResponseEntity<Map<String, Object>> added = upload(rest, taskId, (String) record.get("record"),
          file(record.get("record") + ".jpg", TestFiles.jpeg(64, 48, Color.GREEN)));
      assertThat(added.getStatusCode().value()).as("upload %s: %s", record.get("record"), added.getBody()).isEqualTo(201);
      uploaded++;
    }
    return uploaded;
  }

  /** The documents of an answer of the documents API. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> documents(Map<String, Object> body) {
    return (List<Map<String, Object>>) body.get("documents");
  }

  /** The refused fields of a 400 answer (problem details), each with its field and reason. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    return (List<Map<String, Object>>) response.getBody().get("errors");
  }
}
