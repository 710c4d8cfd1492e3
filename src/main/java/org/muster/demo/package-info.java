/** Fictional demonstration data: a post shaped like Kabul in July 2021, a consulate, and one account per role. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.muster.demo;
