package org.muster.requests;

/**
 * What staff change on a ticket: the owner (a user name; blank for none), the queue, the status
 * (names as in {@link Queue} and {@link TicketStatus}; null keeps the current one) and a note.
 * Only what differs from the ticket is recorded.
 */
public record TicketChange(String owner, String queue, String status, String note) {}
