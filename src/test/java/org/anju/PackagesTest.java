package org.anju;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packages of Anju depend on each other in one direction only: no two packages import each other, however indirectly. */
class PackagesTest {

  private static final Path MAIN = Path.of("src/main/java/org/anju");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.anju\\.([a-z]+)\\.");

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> uses = dependencies();
    List<String> cycles = new ArrayList<>();
    for (String from : uses.keySet()) {
      for (String to : uses.get(from)) {
        if (from.compareTo(to) < 0 && reaches(uses, to, from)) {
          cycles.add(from + " <-> " + to);
        }
      }
    }
    assertThat(cycles).as("package cycles, in %s", uses).isEmpty();
  }

  private static Map<String, Set<String>> dependencies() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = MAIN.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the application class wires everything
        }
        String from = relative.getName(0).toString();
        Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(Files.readString(file));
        while (reference.find()) {
          if (!reference.group(1).equals(from)) {
            to.add(reference.group(1));
          }
        }
      }
    }
    return uses;
  }

  private static boolean reaches(Map<String, Set<String>> uses, String from, String target) {
    Set<String> seen = new TreeSet<>();
    List<String> pending = new ArrayList<>(List.of(from));
    while (!pending.isEmpty()) {
      String next = pending.remove(pending.size() - 1);
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next)) {
        pending.addAll(uses.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }
}
