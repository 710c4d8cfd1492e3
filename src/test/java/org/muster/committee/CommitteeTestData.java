package org.muster.committee;

import org.muster.TestData;
import org.muster.posts.Post;
import org.muster.security.Role;
import org.muster.shared.Classification;
import org.springframework.stereotype.Component;

/**
 * A post with a committee for one test: a chief of mission, a chair (deputy chief of mission,
 * cleared secret), a security officer (secret), an uncleared member and a post member who is not
 * on the committee. Work is done as one of them through {@link TestData#as}.
 */
@Component
class CommitteeTestData {
    record Cast(Post post, String chief, String chair, String rso, String uncleared, String bystander) {}

    private final TestData data;
    private final CommitteeMembers members;

    CommitteeTestData(TestData data, CommitteeMembers members) {
        this.data = data;
        this.members = members;
    }

    Cast committee() {
        Post post = data.post();
        String chief = data.user(Role.CHIEF_OF_MISSION, Classification.SECRET, post);
        String chair = data.user(Role.COMMITTEE_MEMBER, Classification.SECRET, post);
        String rso = data.user(Role.SECURITY_OFFICER, Classification.SECRET, post);
        String uncleared = data.user(Role.COMMITTEE_MEMBER, Classification.UNCLASSIFIED, post);
        String bystander = data.user(Role.CONSULAR, Classification.SECRET, post);
        data.as(chief, () -> members.appoint(post.id(), chair, "Deputy chief of mission", true));
        data.as(chief, () -> members.appoint(post.id(), rso, "Regional security officer", false));
        data.as(chief, () -> members.appoint(post.id(), uncleared, "Agency head", false));
        return new Cast(post, chief, chair, rso, uncleared, bystander);
    }
}
