package org.anju.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every process's step catalogue, by user task id: what the engine-wide listeners look steps up in. */
@Component
public final class Steps {

  private final List<StepCatalogue> catalogues;
  private final Map<String, Step> byElement = new HashMap<>();
  private final Map<String, StepCatalogue> catalogueByElement = new HashMap<>();

  public Steps(List<StepCatalogue> catalogues) {
    this.catalogues = List.copyOf(catalogues);
    for (StepCatalogue catalogue : catalogues) {
      for (Step step : catalogue.steps()) {
        // the listeners find a step by its task's definition key alone, so ids must be unique across processes
        if (byElement.put(step.elementId(), step) != null) {
          throw new IllegalStateException("two steps are " + step.elementId());
        }
        catalogueByElement.put(step.elementId(), catalogue);
      }
    }
  }

  public List<StepCatalogue> catalogues() {
    return catalogues;
  }

  public Optional<Step> step(String elementId) {
    return Optional.ofNullable(byElement.get(elementId));
  }

  public Optional<StepCatalogue> catalogueOf(String elementId) {
    return Optional.ofNullable(catalogueByElement.get(elementId));
  }

  /** The keys of the processes that have user tasks. */
  public String[] processKeys() {
    return catalogues.stream().map(StepCatalogue::processKey).distinct().toArray(String[]::new);
  }
}
