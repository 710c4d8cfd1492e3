package org.muster.people;

/** A household of a post as a picker lists it: its id, name and how many people it has. */
public record HouseholdChoice(long id, String name, int people) {}
