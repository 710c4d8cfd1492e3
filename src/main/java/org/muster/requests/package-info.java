/** Requests from the public (intake form and mailbox) kept as tickets with owner, queue, status and age, each acknowledged with its real status. */
@org.springframework.modulith.ApplicationModule(displayName = "Requests")
package org.muster.requests;
