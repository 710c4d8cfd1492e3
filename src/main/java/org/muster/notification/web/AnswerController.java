package org.muster.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.muster.notification.Answer;
import org.muster.notification.AnswerLink;
import org.muster.notification.AnswerRefusedException;
import org.muster.notification.Language;
import org.muster.notification.Responses;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal answer page behind a response link, without sign-in: a small page of its own (not the
 * staff layout) in the delivery's language and direction. An answer is posted with the page's CSRF
 * token (an anonymous session, kept in PostgreSQL like every session) and redirects back to the page,
 * which then confirms it. Malformed or tampered links get a bare 404, expired ones a 410 saying so in
 * the delivery's language; neither records anything.
 */
@Controller
class AnswerController {
    private final Responses responses;

    AnswerController(Responses responses) {
        this.responses = responses;
    }

    @GetMapping("/r/{token}")
    String page(
            @PathVariable String token,
            @RequestParam(required = false) String again,
            Model model,
            HttpServletResponse response) {
        return render(token, responses.open(token), again == null ? null : "again", 200, model, response);
    }

    @PostMapping("/r/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String note,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            responses.answer(token, Answer.parse("answer", answer), note, request.getRemoteAddr());
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/r/" + token;
        } catch (AnswerRefusedException e) {
            model.addAttribute("note", note);
            return switch (e.reason()) {
                case INVALID, EXPIRED -> render(token, responses.open(token), null, 200, model, response);
                case NO_PERSON -> render(token, responses.open(token), "no-person", 409, model, response);
                case TOO_MANY -> render(token, responses.open(token), "too-many", 429, model, response);
            };
        } catch (InvalidInputException e) {
            model.addAttribute("note", note);
            String notice = e.field().equals("note") ? "note.too-long" : "question";
            return render(token, responses.open(token), notice, 400, model, response);
        }
    }

    private static String render(
            String token, AnswerLink link, String notice, int status, Model model, HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        if (link instanceof AnswerLink.Open open) {
            response.setStatus(status);
            model.addAttribute("token", token);
            model.addAttribute("link", open);
            AnswerWords w = AnswerWords.of(open.language());
            model.addAttribute("w", w);
            model.addAttribute("title", w.t("title") + " · " + open.postName());
            model.addAttribute("notice", notice);
            model.addAttribute("answers", Answer.values());
            return "answers/page";
        }
        if (link instanceof AnswerLink.Expired expired) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("language", expired.language());
            model.addAttribute("postName", expired.postName());
            AnswerWords w = AnswerWords.of(expired.language());
            model.addAttribute("w", w);
            model.addAttribute("title", w.t("expired.title"));
            return "answers/expired";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("languages", Language.values());
        model.addAttribute(
                "words",
                java.util.Arrays.stream(Language.values()).map(AnswerWords::of).toList());
        return "answers/invalid";
    }
}
