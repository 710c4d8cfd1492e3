package org.muster.people;

import java.util.List;
import org.muster.shared.InvalidInputException;

/**
 * Some check-ins of a batch were refused; none of the batch was written. Lists every bad field by
 * its path in the request, e.g. {@code checkIns[7].status}; as an {@link InvalidInputException} it
 * names the first.
 */
public class CheckInsRejectedException extends InvalidInputException {
    /** One refused field of one check-in. */
    public record Problem(String field, String message) {}

    private final transient List<Problem> problems;

    public CheckInsRejectedException(List<Problem> problems) {
        super(problems.get(0).field(), problems.get(0).message() + summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problems)";
    }
}
