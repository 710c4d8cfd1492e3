/** The register of every person a post answers for, by category and household. */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.muster.people;
