package org.muster.requests;

/**
 * A request as the public intake form sends it; every field may be blank or wrong, {@link Intake}
 * checks them all and names the first bad one. {@code language} is a tag ({@code fa-AF}) and
 * {@code queue} a {@link Queue} name.
 */
public record NewRequest(
        String name, String email, String phone, String language, String queue, String subject, String body) {}
