package org.muster.security.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.muster.audit.AuditLog;
import org.muster.security.NeedToKnow;
import org.muster.security.NewUser;
import org.muster.security.OneTimePasswords;
import org.muster.security.Role;
import org.muster.security.UserAccounts;
import org.muster.shared.Classification;
import org.muster.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: accounts and the installation-wide audit log. Administrators only. */
@Controller
class AdminController {
    private static final int AUDIT_PAGE = 50;

    private final NeedToKnow needToKnow;
    private final UserAccounts accounts;
    private final AuditLog audit;

    AdminController(NeedToKnow needToKnow, UserAccounts accounts, AuditLog audit) {
        this.needToKnow = needToKnow;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The add-account form as typed, so a refused form comes back filled in. */
    record UserForm(String username, String displayName, Set<Role> roles, Classification clearance, Set<Long> posts) {
        static UserForm empty() {
            return new UserForm("", "", EnumSet.noneOf(Role.class), Classification.UNCLASSIFIED, Set.of());
        }
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        needToKnow.requireRole(Role.ADMINISTRATOR);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", UserForm.empty());
        }
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("clearances", Classification.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String addUser(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "UNCLASSIFIED") String clearance,
            @RequestParam(required = false) List<Long> posts,
            Model model,
            RedirectAttributes redirect) {
        var admin = needToKnow.requireRole(Role.ADMINISTRATOR);
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        Set<Long> postIds = new HashSet<>();
        Classification level = Classification.UNCLASSIFIED;
        try {
            for (String r : roles == null ? List.<String>of() : roles) {
                roleSet.add(Role.parse(r));
            }
            level = Classification.parse(clearance);
            for (Long p : posts == null ? List.<Long>of() : posts) {
                if (!admin.isMemberOf(p)) {
                    throw new InvalidInputException("posts", "you may only add accounts to posts you are a member of");
                }
                postIds.add(p);
            }
            String oneTimePassword = OneTimePasswords.generate();
            accounts.create(new NewUser(username, displayName, oneTimePassword, roleSet, level, postIds, true));
            redirect.addFlashAttribute(
                    "notice", "Account " + username.trim() + " created. Its one-time password: " + oneTimePassword);
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            model.addAttribute("form", new UserForm(username, displayName, roleSet, level, postIds));
            return users(model);
        }
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) Long before, Model model) {
        needToKnow.requireRole(Role.ADMINISTRATOR);
        audit.viewed(null, "the installation audit log" + (before == null ? "" : " before entry " + before));
        var entries = audit.page(before == null ? Long.MAX_VALUE : before, AUDIT_PAGE + 1);
        boolean more = entries.size() > AUDIT_PAGE;
        model.addAttribute("entries", more ? entries.subList(0, AUDIT_PAGE) : entries);
        model.addAttribute("nextBefore", more ? entries.get(AUDIT_PAGE - 1).seq() : null);
        return "admin/audit";
    }
}
