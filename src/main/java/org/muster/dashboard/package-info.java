/** The post dashboard: one picture of the post the user is working in. */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.muster.dashboard;
