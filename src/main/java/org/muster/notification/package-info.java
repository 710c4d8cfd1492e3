/** Messages to the people a post answers for (e-mail, SMS, in-app) that lose no recipient, and their answers. */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.muster.notification;
