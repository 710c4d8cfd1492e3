/** Washington's view: every post a task-force user is a member of on one page, and the approvals queue. */
@org.springframework.modulith.ApplicationModule(displayName = "Task force")
package org.muster.taskforce;
