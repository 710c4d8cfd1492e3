package org.muster.people.web;

import java.util.List;
import org.muster.people.CheckInConflictException;
import org.muster.people.CheckInsRejectedException;
import org.muster.people.RollCallClosedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * What the roll-call and check-in APIs share: the post named by the path, and RFC 9457 problems
 * for the refusals the shared advice does not know (a closed roll-call, a reused id, a batch with
 * several bad fields, unreadable JSON) with the field they concern.
 */
abstract class RollCallApiSupport {
    record FieldProblem(String field, String message) {}

    private final PostCodes posts;

    RollCallApiSupport(PostCodes posts) {
        this.posts = posts;
    }

    /** The post with this code; callers' services check the reader's membership and roles. */
    long postId(String code) {
        return posts.postId(code);
    }

    @ExceptionHandler(RollCallClosedException.class)
    ProblemDetail closed(RollCallClosedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Roll-call closed");
        return problem;
    }

    @ExceptionHandler(CheckInConflictException.class)
    ProblemDetail conflict(CheckInConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Check-in id already used");
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), "is already used for another check-in")));
        return problem;
    }

    @ExceptionHandler(CheckInsRejectedException.class)
    ProblemDetail rejected(CheckInsRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> new FieldProblem(p.field(), p.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = null;
        for (Throwable t = e; t != null && field == null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                field = path(j.getPath());
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                field == null ? "The body is not valid JSON for this request." : field + ": has the wrong type");
        problem.setTitle("Invalid input");
        if (field != null) {
            problem.setProperty("errors", List.of(new FieldProblem(field, "has the wrong type")));
        }
        return problem;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
