package org.muster.posts;

/** What it takes to create a post; {@link Posts#create} validates every field. */
public record NewPost(String code, String name, PostKind kind, String country, String timeZone) {}
