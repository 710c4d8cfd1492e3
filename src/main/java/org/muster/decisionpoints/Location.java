package org.muster.decisionpoints;

import org.muster.shared.InvalidInputException;

/** Where a location-bound indicator is, for the map: a place name and WGS 84 degrees. */
public record Location(String name, double lat, double lon) {
    public Location {
        name = name == null ? "" : name.trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("location.name", "is required (at most 200 characters)");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidInputException("location.lat", "must be between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidInputException("location.lon", "must be between -180 and 180");
        }
    }
}
