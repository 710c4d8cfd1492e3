package org.muster.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.muster.shared.InvalidInputException;
import org.muster.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Turns domain errors on HTML pages into the shared error page with a plain explanation. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        response.setStatus(404);
        return page(404, "Not found", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletResponse response) {
        response.setStatus(400);
        return page(400, "That input was not accepted", e.getMessage());
    }

    static ModelAndView page(int status, String title, String message) {
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        mav.addObject("error", title);
        mav.addObject("message", message);
        return mav;
    }
}
