package org.muster.people.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.muster.people.ImportCorrections;
import org.muster.people.ImportField;
import org.muster.people.ImportPreview;
import org.muster.people.ImportReport;
import org.muster.people.PeopleImport;
import org.muster.people.RegisterExport;
import org.muster.people.RowProblem;
import org.muster.posts.CurrentPost;
import org.muster.posts.Post;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** List imports in the browser: upload, preview with the column mapping, commit, report and corrections. */
@Controller
class ImportController {
    private static final int HISTORY = 50;

    private final PeopleImport imports;
    private final ImportCorrections corrections;
    private final CurrentPost currentPost;

    ImportController(PeopleImport imports, ImportCorrections corrections, CurrentPost currentPost) {
        this.imports = imports;
        this.corrections = corrections;
        this.currentPost = currentPost;
    }

    @GetMapping("/people/imports")
    String history(HttpSession session, Model model) {
        Post post = post(session);
        model.addAttribute("post", post);
        model.addAttribute("history", corrections.history(post.id(), 0, HISTORY));
        return "people/imports";
    }

    @PostMapping("/people/imports")
    String upload(
            HttpSession session,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws IOException {
        Post post = post(session);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "choose a CSV or XLSX file to upload");
            }
            ImportPreview preview = imports.upload(post.id(), source, file.getOriginalFilename(), file.getBytes());
            return "redirect:/people/imports/" + preview.importId();
        } catch (InvalidInputException e) {
            model.addAttribute("post", post);
            model.addAttribute("history", corrections.history(post.id(), 0, HISTORY));
            model.addAttribute("error", e);
            model.addAttribute("source", source);
            return "people/imports";
        }
    }

    @GetMapping("/people/imports/{id}")
    String show(@PathVariable long id, HttpSession session, Model model) {
        Post post = post(session);
        ImportPreview preview = imports.preview(id, null);
        requireSamePost(post, preview.postId(), id);
        if ("COMMITTED".equals(preview.status())) {
            return report(post, id, model);
        }
        return preview(post, preview, model);
    }

    @PostMapping("/people/imports/{id}/preview")
    String remap(@PathVariable long id, @RequestParam Map<String, String> form, HttpSession session, Model model) {
        Post post = post(session);
        ImportPreview preview = imports.preview(id, mapping(form));
        requireSamePost(post, preview.postId(), id);
        return preview(post, preview, model);
    }

    @PostMapping("/people/imports/{id}/commit")
    String commit(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = post(session);
        Map<ImportField, String> mapping = mapping(form);
        try {
            ImportReport report = imports.commit(id, mapping);
            redirect.addFlashAttribute(
                    "notice",
                    "Imported " + report.filename() + ": " + report.added() + " added, " + report.updated()
                            + " updated, " + report.rejected() + " refused.");
            return "redirect:/people/imports/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e);
            return preview(post, imports.preview(id, mapping), model);
        }
    }

    @GetMapping("/people/imports/{id}/report.csv")
    void reportCsv(@PathVariable long id, HttpSession session, HttpServletResponse response) throws IOException {
        Post post = post(session);
        ImportReport report = imports.report(id);
        requireSamePost(post, report.postId(), id);
        StringBuilder csv = new StringBuilder("\uFEFFrow,field,reason\r\n");
        for (RowProblem p : report.problems()) {
            csv.append(p.row()).append(',');
            RegisterExport.csvCell(csv, p.field()).append(',');
            RegisterExport.csvCell(csv, p.reason()).append("\r\n");
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"");
        response.getOutputStream().write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/people/imports/{id}/rows/{row}")
    String resubmit(
            @PathVariable long id,
            @PathVariable int row,
            @RequestParam Map<String, String> form,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        Post post = post(session);
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            String v = form.get("value." + f.name());
            if (v != null && !v.isBlank()) {
                values.put(f, v);
            }
        }
        List<RowProblem> problems = corrections.resubmit(id, row, values);
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("notice", "Row " + row + " corrected and imported.");
            return "redirect:/people/imports/" + id;
        }
        model.addAttribute("correction", Map.of("row", row, "values", values, "problems", problems));
        return report(post, id, model);
    }

    private String preview(Post post, ImportPreview preview, Model model) {
        model.addAttribute("post", post);
        model.addAttribute("preview", preview);
        model.addAttribute("fields", ImportField.values());
        return "people/preview";
    }

    private String report(Post post, long id, Model model) {
        ImportReport report = imports.report(id);
        model.addAttribute("post", post);
        model.addAttribute("report", report);
        model.addAttribute("rejections", corrections.rejections(id));
        model.addAttribute("fields", ImportField.values());
        return "people/report";
    }

    private static Map<ImportField, String> mapping(Map<String, String> form) {
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField f : ImportField.values()) {
            String heading = form.get("map." + f.name());
            if (heading != null && !heading.isBlank()) {
                mapping.put(f, heading);
            }
        }
        return mapping;
    }

    private Post post(HttpSession session) {
        return currentPost.get(session).orElseThrow(() -> new NotFoundException("Choose a post first."));
    }

    private static void requireSamePost(Post post, long postId, long importId) {
        if (post.id() != postId) {
            throw new NotFoundException("Import #" + importId + " belongs to another post; switch to it first.");
        }
    }
}
