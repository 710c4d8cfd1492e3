package org.muster.notification.web;

import org.muster.notification.Answer;
import org.muster.notification.Language;
import org.muster.notification.MessageAnswers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The answers to one message, as an htmx fragment for the message's page ({@code
 * templates/responses/fragments.html}): for members of the message's post cleared for its marking.
 */
@Controller
class MessageAnswersController {
    private final MessageAnswers answers;

    MessageAnswersController(MessageAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/messages/{id}/responses")
    String responses(@PathVariable long id, Model model) {
        model.addAttribute("responses", answers.of(id));
        model.addAttribute("answers", Answer.values());
        model.addAttribute("w", AnswerWords.of(Language.ENGLISH));
        return "responses/fragments :: responses";
    }
}
