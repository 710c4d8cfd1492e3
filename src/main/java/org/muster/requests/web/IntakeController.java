package org.muster.requests.web;

import java.util.List;
import org.muster.notification.Language;
import org.muster.posts.Post;
import org.muster.requests.Intake;
import org.muster.requests.NewRequest;
import org.muster.requests.Queue;
import org.muster.requests.Receipt;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public intake form of a post (no login): English, Dari or Pashto by {@code ?lang=}, Dari and
 * Pashto right to left. A refused field is named in the form's language and nothing is written; a
 * request becomes a ticket and the confirmation page shows its reference and its true status.
 */
@Controller
class IntakeController {
    private final Intake intake;

    IntakeController(Intake intake) {
        this.intake = intake;
    }

    /** The post as the public page shows it: its code and name only. */
    record PublicPost(String code, String name) {}

    /** The form as sent, shown again after a refusal. */
    record RequestForm(String name, String email, String phone, String queue, String subject, String body) {
        static RequestForm empty() {
            return new RequestForm("", "", "", "", "", "");
        }
    }

    @GetMapping("/posts/{code}/requests/new")
    String form(@PathVariable String code, @RequestParam(required = false) String lang, Model model) {
        page(intake.post(code), language(lang), RequestForm.empty(), model);
        return "requests/intake";
    }

    @PostMapping("/posts/{code}/requests/new")
    String submit(
            @PathVariable String code,
            @RequestParam(required = false) String language,
            @ModelAttribute RequestForm form,
            Model model,
            RedirectAttributes redirect) {
        Post post = intake.post(code);
        Language lang = language(language);
        try {
            Receipt receipt = intake.submit(
                    post.code(),
                    new NewRequest(
                            form.name(),
                            form.email(),
                            form.phone(),
                            lang.tag(),
                            form.queue(),
                            form.subject(),
                            form.body()));
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/posts/" + post.code() + "/requests/received?lang=" + lang.tag();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            page(post, lang, form, model);
            return "requests/intake";
        }
    }

    /** The confirmation, shown once after sending (the receipt travels as a flash attribute). */
    @GetMapping("/posts/{code}/requests/received")
    String received(@PathVariable String code, @RequestParam(required = false) String lang, Model model) {
        Post post = intake.post(code);
        Language language = language(lang);
        model.addAttribute("post", new PublicPost(post.code(), post.name()));
        model.addAttribute("lang", language);
        model.addAttribute("t", IntakeText.of(language));
        if (!model.containsAttribute("receipt")) {
            return "redirect:/posts/" + post.code() + "/requests/new?lang=" + language.tag();
        }
        return "requests/received";
    }

    private static void page(Post post, Language language, RequestForm form, Model model) {
        model.addAttribute("post", new PublicPost(post.code(), post.name()));
        model.addAttribute("lang", language);
        model.addAttribute("languages", Language.values());
        model.addAttribute("t", IntakeText.of(language));
        model.addAttribute("queues", List.of(Queue.values()));
        model.addAttribute("form", form);
    }

    /** The page's language: a known tag, else English (a public page does not fail on a bad link). */
    private static Language language(String tag) {
        try {
            return tag == null || tag.isBlank() ? Language.ENGLISH : Language.parse("lang", tag);
        } catch (InvalidInputException e) {
            return Language.ENGLISH;
        }
    }
}
