package org.muster.people;

/** Why one row of an imported list was refused: the spreadsheet row, the column as headed in the file, the reason. */
public record RowProblem(int row, String field, String reason) {}
