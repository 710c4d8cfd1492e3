package org.muster.security.web;

import org.muster.security.ApiTokens;
import org.muster.security.NeedToKnow;
import org.muster.security.Reader;
import org.muster.security.UserAccounts;
import org.muster.shared.InvalidInputException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and personal API tokens. */
@Controller
class AccountController {
    private final NeedToKnow needToKnow;
    private final UserAccounts accounts;
    private final ApiTokens tokens;

    AccountController(NeedToKnow needToKnow, UserAccounts accounts, ApiTokens tokens) {
        this.needToKnow = needToKnow;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        Reader reader = needToKnow.reader();
        model.addAttribute("tokens", tokens.list(reader.userId()));
        return "account/account";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Reader reader = needToKnow.reader();
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "does not match the new password");
            }
            accounts.changePassword(reader.userId(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e);
            response.setStatus(400);
            return "account/password";
        }
        var refreshed = accounts.loadUserByUsername(reader.username());
        var auth = UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "Your password has been changed.");
        return "redirect:/";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        Reader reader = needToKnow.reader();
        try {
            String secret = tokens.create(reader.userId(), name);
            redirect.addFlashAttribute("newToken", secret);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("tokenError", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(needToKnow.reader().userId(), id);
        redirect.addFlashAttribute("notice", "The token was revoked.");
        return "redirect:/account";
    }
}
