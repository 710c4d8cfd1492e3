package org.muster.decisionpoints;

/** A value of a timeline that was refused: the row as a spreadsheet numbers it (heading row 1), the field and why. */
public record RefusedRow(int row, String field, String reason) {}
