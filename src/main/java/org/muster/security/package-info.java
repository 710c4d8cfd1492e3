/**
 * Users, roles, post membership and clearances, and {@link org.muster.security.NeedToKnow}: the one
 * place that decides whether a reader may see content of a post at a classification marking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.muster.security;
