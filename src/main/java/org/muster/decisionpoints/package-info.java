/**
 * Decision points (tripwires): versioned per post under a Washington baseline, observations that move
 * their indicators, and the crossings that raise alerts with a "decide by" deadline and escalate.
 */
package org.muster.decisionpoints;
