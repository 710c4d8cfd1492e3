package org.muster.posts.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.muster.posts.NewPost;
import org.muster.posts.Post;
import org.muster.posts.PostKind;
import org.muster.posts.Posts;
import org.muster.shared.Marked;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Posts over the API: members read their posts; administrators create posts. */
@RestController
@RequestMapping("/api/v1/posts")
class PostsApiController {
    private final Posts posts;

    PostsApiController(Posts posts) {
        this.posts = posts;
    }

    record PostView(@JsonIgnore long postId, String code, String name, PostKind kind, String country, String timeZone)
            implements Marked {
        static PostView of(Post p) {
            return new PostView(
                    p.id(),
                    p.code(),
                    p.name(),
                    p.kind(),
                    p.country(),
                    p.timeZone().getId());
        }
    }

    record PostForm(
            @NotBlank String code,
            @NotBlank String name,
            @NotNull PostKind kind,
            @NotBlank String country,
            @NotBlank String timeZone) {}

    @GetMapping
    List<PostView> list() {
        return posts.visible().stream().map(PostView::of).toList();
    }

    @GetMapping("/{code}")
    PostView get(@PathVariable String code) {
        return PostView.of(posts.byCode(code));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PostView create(@Valid @RequestBody PostForm form) {
        return PostView.of(posts.createAsAdministrator(
                new NewPost(form.code(), form.name(), form.kind(), form.country(), form.timeZone())));
    }
}
