package org.muster.decisionpoints.web;

import java.util.List;
import org.muster.decisionpoints.DecisionPoints;
import org.muster.decisionpoints.SetVersion;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Washington baseline over the API, in the decision-point file format: anyone signed in reads
 * it (without the points above their clearance); the task force and administrators save a new version.
 */
@RestController
@RequestMapping("/api/v1/decision-points/baseline")
class BaselineApiController {
    private final DecisionPoints decisionPoints;

    BaselineApiController(DecisionPoints decisionPoints) {
        this.decisionPoints = decisionPoints;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    String baseline() {
        return DecisionPoints.toJson(decisionPoints.baseline());
    }

    @PutMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    String save(@RequestBody byte[] body) {
        return DecisionPoints.toJson(decisionPoints.saveBaseline(decisionPoints.read(body)));
    }

    @GetMapping("/versions")
    List<SetVersion> versions() {
        return decisionPoints.baselineVersions();
    }
}
