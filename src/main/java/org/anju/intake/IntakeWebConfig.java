package org.anju.intake;

import java.util.Map;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The upload limit of registers (413 beyond) and the intake page at {@code /intake/}. */
@Configuration
class IntakeWebConfig {

  /** Uploads are streamed to disk beyond 1 MB; a register may have up to {@code anju.intake.max-file-size}. */
  @Bean
  MultipartConfigElement multipartConfigElement(@Value("${anju.intake.max-file-size:50MB}") DataSize maxFile) {
    return new MultipartConfigElement(null, maxFile.toBytes(), maxFile.toBytes() + DataSize.ofMegabytes(1).toBytes(),
        (int) DataSize.ofMegabytes(1).toBytes());
  }

  @Controller
  static class IntakePage {
    @GetMapping({"/intake", "/intake/"})
    String page() {
      return "forward:/intake/index.html";
    }
  }

  @RestControllerAdvice
  static class TooLarge {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("type", "PayloadTooLarge",
          "message", "file: is larger than the limit of " + DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes()
              + " MB; split the register"));
    }
  }
}
