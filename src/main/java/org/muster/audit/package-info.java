/** The append-only, hash-chained record of every state change and every view of sensitive content. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.muster.audit;
