/** The register of every person a post answers for, the lists it is built from, and the roll-calls that account for them. */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.muster.people;
