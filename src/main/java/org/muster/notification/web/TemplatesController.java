package org.muster.notification.web;

import jakarta.servlet.http.HttpSession;
import java.util.EnumMap;
import java.util.Map;
import org.muster.notification.Language;
import org.muster.notification.MessageTemplate;
import org.muster.notification.MessageTemplates;
import org.muster.notification.MessageText;
import org.muster.posts.Post;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The post's templates page: the templates it may use (its own and the shared ones), and the form
 * to create one, edit one of its own, or adapt a shared one (a post template of the same name).
 */
@Controller
class TemplatesController {
    private final MessagePages pages;
    private final MessageTemplates templates;

    TemplatesController(MessagePages pages, MessageTemplates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    /** The template form: the name it had ({@code originalName}, blank for a new one), its name and texts. */
    record TemplateForm(
            String originalName,
            String name,
            String subjectEn,
            String bodyEn,
            String subjectFa,
            String bodyFa,
            String subjectPs,
            String bodyPs) {

        static TemplateForm of(MessageTemplate t) {
            MessageText en = t.text(Language.ENGLISH);
            MessageText fa = t.text(Language.DARI);
            MessageText ps = t.text(Language.PASHTO);
            return new TemplateForm(
                    t.shared() ? "" : t.name(),
                    t.name(),
                    en.subject(),
                    en.body(),
                    fa == null ? "" : fa.subject(),
                    fa == null ? "" : fa.body(),
                    ps == null ? "" : ps.subject(),
                    ps == null ? "" : ps.body());
        }

        Map<Language, MessageText> texts() {
            Map<Language, MessageText> texts = new EnumMap<>(Language.class);
            TextFields.put(texts, Language.ENGLISH, subjectEn, bodyEn);
            TextFields.put(texts, Language.DARI, subjectFa, bodyFa);
            TextFields.put(texts, Language.PASHTO, subjectPs, bodyPs);
            return texts;
        }

        public String subject(Language l) {
            return switch (l) {
                case ENGLISH -> subjectEn;
                case DARI -> subjectFa;
                case PASHTO -> subjectPs;
            };
        }

        public String body(Language l) {
            return switch (l) {
                case ENGLISH -> bodyEn;
                case DARI -> bodyFa;
                case PASHTO -> bodyPs;
            };
        }
    }

    @GetMapping("/messages/templates")
    String page(@RequestParam(required = false) String edit, HttpSession session, Model model) {
        Post post = pages.post(session);
        pages.requireSender(post.id());
        TemplateForm form = edit == null || edit.isBlank()
                ? new TemplateForm("", "", "", "", "", "", "", "")
                : TemplateForm.of(templates
                        .find(post.id(), edit)
                        .orElseThrow(() ->
                                new InvalidInputException("template", "no template '" + edit + "' at this post")));
        return render(post, form, null, model);
    }

    @PostMapping("/messages/templates")
    String save(
            @ModelAttribute("form") TemplateForm form, HttpSession session, Model model, RedirectAttributes redirect) {
        Post post = pages.post(session);
        try {
            MessageTemplate saved = templates.save(post.id(), form.originalName(), form.name(), form.texts());
            redirect.addFlashAttribute(
                    "notice",
                    "Template '" + saved.name() + "' saved in " + saved.texts().size()
                            + (saved.texts().size() == 1 ? " language." : " languages."));
            return "redirect:/messages/templates";
        } catch (InvalidInputException e) {
            return render(post, form, e, model);
        }
    }

    private String render(Post post, TemplateForm form, InvalidInputException error, Model model) {
        model.addAttribute("templates", templates.list(post.id()));
        model.addAttribute("form", form);
        model.addAttribute("fieldError", error);
        model.addAttribute("languages", Language.values());
        return "messages/templates";
    }
}
