/** The Emergency Action Committee of a post: its members, meetings, minutes, recommendations and the chief of mission's decisions. */
@org.springframework.modulith.ApplicationModule(displayName = "Committee")
package org.muster.committee;
