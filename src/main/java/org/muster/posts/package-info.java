/** The posts of the installation (embassies, consulates) and which one a user is working in. */
@org.springframework.modulith.ApplicationModule(displayName = "Posts")
package org.muster.posts;
