package org.muster.committee.web;

import org.muster.committee.CommitteeConflictException;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** What the committee APIs share: the post named by the path, and a 409 problem for a closed record. */
abstract class CommitteeApiSupport {
    private final Posts posts;

    CommitteeApiSupport(Posts posts) {
        this.posts = posts;
    }

    /** The post with this code; the module's services check the reader's membership and roles. */
    long postId(String code) {
        return posts.findByCode(code)
                .map(Post::id)
                .orElseThrow(() -> new NotFoundException("No post with code " + code));
    }

    @ExceptionHandler(CommitteeConflictException.class)
    ProblemDetail conflict(CommitteeConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Committee record closed to this change");
        return problem;
    }
}
