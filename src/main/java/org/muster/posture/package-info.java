/** A post's crisis, its posture (normal, authorized or ordered departure, suspension) as requested and approved, and the drawdown to a core presence. */
@org.springframework.modulith.ApplicationModule(displayName = "Posture")
package org.muster.posture;
