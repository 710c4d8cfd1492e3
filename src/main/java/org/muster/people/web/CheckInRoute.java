package org.muster.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muster.people.CheckIn;
import org.muster.people.CheckIns;
import org.muster.people.CheckInsRejectedException.Problem;
import org.muster.security.DirectApiRoute;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A single check-in ({@code POST .../check-ins} with an API token) answered directly, without Spring
 * MVC: a gate device sends hundreds a minute. It answers what {@link CheckInApiController#checkIn}
 * answers when the check-in is recorded (201) or was recorded before under its id (200); anything else
 * (a body that does not read, a bad field, a refusal) it declines, and the controller answers it with
 * the usual problem details. {@link CheckIns#checkIn} is one transaction that writes nothing when it
 * refuses, so a declined check-in has changed nothing.
 */
@Component
class CheckInRoute implements DirectApiRoute {
    private final CheckIns checkIns;
    private final PostCodes posts;
    private final JsonMapper json;

    CheckInRoute(CheckIns checkIns, PostCodes posts, JsonMapper json) {
        this.checkIns = checkIns;
        this.posts = posts;
        this.json = json;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pattern() {
        return "/api/v1/posts/{code}/roll-calls/{rollCallId}/check-ins";
    }

    @Override
    public Optional<Answer> answer(Map<String, String> variables, byte[] body) {
        CheckInForm form = json.readValue(body, CheckInForm.class);
        List<Problem> problems = new ArrayList<>();
        CheckIn checkIn = form == null ? null : form.toCheckIn("", problems);
        if (checkIn == null) {
            return Optional.empty();
        }
        long postId = posts.postId(variables.get("code"));
        long rollCallId = Long.parseLong(variables.get("rollCallId"));
        var result = checkIns.checkIn(postId, rollCallId, checkIn);
        return Optional.of(new Answer(CheckInApiController.status(result).value(), result.checkIn()));
    }
}
