package org.muster.people;

/**
 * What became of one check-in: the record as stored, whether it was a retry of an earlier request
 * with the same id ({@code replayed}: nothing changed), and whether it is now the person's current
 * status ({@code applied}; false for a replay or for a report older than the one already held).
 */
public record CheckInResult(CheckInRecord checkIn, boolean replayed, boolean applied) {}
