/** The command line: {@code java -jar muster.jar <command>}, calling module APIs only. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.muster.cli;
