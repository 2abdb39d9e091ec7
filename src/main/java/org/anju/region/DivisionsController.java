package org.anju.region;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The names of Shanxi's counties by code, public reference data: Tasklist shows a task's county by its
 * name (岢岚县) where the engine knows only its tenant ({@code county140929}).
 */
@RestController
@RequestMapping("/api/divisions")
class DivisionsController {

  private final Map<String, String> counties = new LinkedHashMap<>();

  DivisionsController(Divisions divisions) {
    divisions.childrenOf("14").forEach(city -> divisions.childrenOf(city.code()).stream()
        .filter(d -> d.level() == Division.Level.COUNTY)
        .forEach(county -> counties.put(county.code(), county.name())));
  }

  @GetMapping("/counties")
  ResponseEntity<Map<String, String>> counties() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(counties);
  }
}
