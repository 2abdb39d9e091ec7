package org.anju.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.anju.documents.CaseDocuments;
import org.anju.household.HouseholdCaseProcess.Vars;
import org.anju.household.HouseholdSteps;
import org.anju.tasklist.MapVariableScope;
import org.anju.tasklist.Step;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The documents a demo case's steps require, as a clerk would upload them: a small picture per record,
 * labelled "DEMO" with the record's name, given through the same {@link CaseDocuments} as real uploads. Each
 * record's picture is the same for every case, so the store holds it once, however many cases show it.
 */
@org.springframework.stereotype.Component
public class DemoDocuments {

  static final String UPLOADER = "demo";

  private final CaseDocuments documents;
  private final Map<String, byte[]> pictures = new ConcurrentHashMap<>();

  public DemoDocuments(CaseDocuments documents) {
    this.documents = documents;
  }

  /** Gives {@code task} every document its step needs for {@code values}, the form's values about to be sent. */
  public void attachRequired(TaskService tasks, Task task, Map<String, Object> values) {
    Step step = HouseholdSteps.STEPS_BY_ID.get(task.getTaskDefinitionKey());
    if (step == null) {
      return;
    }
    Map<String, Object> scope = new HashMap<>(tasks.getVariables(task.getId()));
    scope.putAll(values);
    List<Step.Document> needed = step.requiredFor(new MapVariableScope(scope));
    if (needed.isEmpty()) {
      return;
    }
    CaseDocuments.Place place = new CaseDocuments.Place((String) scope.get(Vars.HOUSEHOLD_ID),
        task.getProcessInstanceId(), (String) scope.get(Vars.COUNTY_CODE), (String) scope.get(Vars.TOWNSHIP_CODE),
        task.getTaskDefinitionKey(), task.getId());
    for (Step.Document record : needed) {
      documents.add(place, record.name(), record.photo(),
          List.of(new CaseDocuments.Upload("demo-" + record.name().toLowerCase() + ".png", picture(record))), UPLOADER,
          null);
    }
  }

  private byte[] picture(Step.Document record) {
    return pictures.computeIfAbsent(record.name(), name -> draw(record));
  }

  /** A 480×320 picture with the record's English name: the demo must not depend on a Chinese system font. */
  private static byte[] draw(Step.Document record) {
    BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(record.photo() ? new Color(0xDDE8D5) : new Color(0xF4F1E8));
    g.fillRect(0, 0, 480, 320);
    g.setColor(new Color(0x555555));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
    g.drawString("DEMO", 24, 70);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
    g.drawString(record.en(), 24, 130);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
