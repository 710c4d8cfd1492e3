package org.muster.shared.database;

import java.nio.file.Path;

/** Another Muster process (or this one) already serves the embedded database in this directory. */
public class DataDirectoryInUseException extends IllegalStateException {
    public DataDirectoryInUseException(Path dataDirectory) {
        super("The data directory " + dataDirectory.toAbsolutePath()
                + " is in use by another running Muster. Stop that instance, or start this one with"
                + " --muster.data-dir=<another directory>, or point every node at one external PostgreSQL"
                + " with --spring.datasource.url=jdbc:postgresql://host/db.");
    }
}
