package org.muster.people.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import org.muster.people.Category;
import org.muster.people.Headcount;
import org.muster.people.ImportPreview;
import org.muster.people.ImportReport;
import org.muster.people.PeopleDirectory;
import org.muster.people.PeopleImport;
import org.muster.people.PeopleRegistry;
import org.muster.people.RegisterPage;
import org.muster.people.RegisterQuery;
import org.muster.posts.Post;
import org.muster.posts.Posts;
import org.muster.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The register over the API: search, head-counts (now or as of an instant) and list imports. */
@RestController
@RequestMapping("/api/v1/posts/{code}")
class PeopleApiController {
    private static final Logger log = LoggerFactory.getLogger(PeopleApiController.class);

    private final Posts posts;
    private final PeopleDirectory directory;
    private final PeopleRegistry registry;
    private final PeopleImport imports;

    PeopleApiController(Posts posts, PeopleDirectory directory, PeopleRegistry registry, PeopleImport imports) {
        this.posts = posts;
        this.directory = directory;
        this.registry = registry;
        this.imports = imports;
    }

    @GetMapping("/people")
    RegisterPage people(
            @PathVariable String code,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String citizenship,
            @RequestParam(required = false) String intent,
            @RequestParam(defaultValue = "false") boolean minors,
            @RequestParam(defaultValue = "false") boolean com,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Post post = posts.byCode(code);
        return directory.page(
                post.id(), new RegisterQuery(q, category, location, citizenship, intent, minors, com, page, size));
    }

    /** Now, or as of {@code asOf} (ISO 8601 with offset, e.g. 2021-08-15T09:00:00+04:30). */
    @GetMapping("/headcount")
    Headcount headcount(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        Post post = posts.byCode(code);
        return asOf == null ? registry.headcount(post.id()) : registry.headcount(post.id(), asOf);
    }

    /**
     * Uploads a list. With {@code commit=false} (the default) answers with the preview and writes only
     * the stored upload; with {@code commit=true} imports it with the source's saved mapping.
     */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Object upload(
            @PathVariable String code,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean commit)
            throws IOException {
        Post post = posts.byCode(code);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is required: a CSV or XLSX file");
        }
        if (commit) {
            byte[] content = file.getBytes();
            long started = System.nanoTime();
            ImportReport report = imports.importFile(post.id(), source, file.getOriginalFilename(), content);
            log.info(
                    "Imported {} into {} as import #{} in {} ms (committed): {} rows, {} added, {} updated, {} refused",
                    report.filename(),
                    code,
                    report.importId(),
                    (System.nanoTime() - started) / 1_000_000,
                    report.rows(),
                    report.added(),
                    report.updated(),
                    report.rejected());
            return report;
        }
        ImportPreview preview = imports.upload(post.id(), source, file.getOriginalFilename(), file.getBytes());
        return preview;
    }

    @PostMapping("/imports/{id}/commit")
    ImportReport commit(@PathVariable String code, @PathVariable long id) {
        posts.byCode(code);
        return imports.commit(id, null);
    }

    @GetMapping("/imports/{id}")
    ImportReport report(@PathVariable String code, @PathVariable long id) {
        posts.byCode(code);
        return imports.report(id);
    }
}
