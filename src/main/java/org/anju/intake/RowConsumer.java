package org.anju.intake;

import java.util.List;

/** Receives the rows of a register one at a time, as a file is read. */
@FunctionalInterface
interface RowConsumer {

  /** One row: its line in the file (1 for the first) and its cells. */
  void row(long line, List<String> cells);
}
