package org.muster.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that fail with an internal detail that must not reach the reader. */
class FailingTestControllers {

    @Controller
    static class Page {
        @GetMapping("/test-failure")
        String fail() {
            throw new IllegalStateException("internal detail 42");
        }
    }

    @RestController
    static class Api {
        @GetMapping("/api/v1/test-failure")
        String fail() {
            throw new IllegalStateException("internal detail 43");
        }
    }
}
