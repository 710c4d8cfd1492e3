package org.muster.security;

import java.util.List;
import org.muster.shared.Classification;
import org.muster.shared.Marked;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that hand marked content straight to the response without asking
 * {@link NeedToKnow}: the response check must stop what the reader may not see.
 */
class MarkedContentTestController {

    record Report(long postId, Classification classification, String text) implements Marked {}

    @RestController
    @RequestMapping("/api/v1/test-marked")
    static class Api {
        @GetMapping("/{postId}/{level}")
        Report one(@PathVariable long postId, @PathVariable Classification level) {
            return new Report(postId, level, "a " + level + " report");
        }

        @GetMapping("/{postId}/all")
        List<Report> all(@PathVariable long postId) {
            return List.of(
                    new Report(postId, Classification.UNCLASSIFIED, "u"),
                    new Report(postId, Classification.SECRET, "s"));
        }
    }

    @Controller
    static class Page {
        @GetMapping("/test-marked/{postId}/{level}")
        String page(@PathVariable long postId, @PathVariable Classification level, Model model) {
            model.addAttribute("report", new Report(postId, level, "text"));
            return "test/marked";
        }
    }
}
