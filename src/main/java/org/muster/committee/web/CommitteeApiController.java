package org.muster.committee.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.muster.committee.AgendaEntry;
import org.muster.committee.AgendaItem;
import org.muster.committee.AgendaKind;
import org.muster.committee.Committee;
import org.muster.committee.CommitteeMember;
import org.muster.committee.CommitteeMembers;
import org.muster.committee.Decision;
import org.muster.committee.Meeting;
import org.muster.committee.MeetingRecord;
import org.muster.committee.MeetingRecords;
import org.muster.posts.Posts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The committee over the API: members, meetings (scheduled or convened), agenda, opening, closing, decisions. */
@RestController
@RequestMapping("/api/v1/posts/{code}/committee")
class CommitteeApiController extends CommitteeApiSupport {
    private final CommitteeMembers members;
    private final Committee committee;
    private final MeetingRecords records;

    CommitteeApiController(Posts posts, CommitteeMembers members, Committee committee, MeetingRecords records) {
        super(posts);
        this.members = members;
        this.committee = committee;
        this.records = records;
    }

    record MemberForm(String username, String title, boolean chair) {}

    record MeetingForm(String title, Instant scheduledFor) {}

    record ItemForm(String kind, Long referenceId, String title, Instant decideBy) {
        AgendaItem toItem(String field) {
            AgendaKind k = kind == null || kind.isBlank() ? AgendaKind.OTHER : AgendaKind.parse(field, kind);
            return new AgendaItem(k, referenceId, title, decideBy);
        }
    }

    record ConveneForm(String reason, List<ItemForm> items) {}

    record DecisionForm(Long recommendationId, List<Long> agendaItemIds, String summary) {}

    @GetMapping("/members")
    List<CommitteeMember> members(@PathVariable String code) {
        return members.list(postId(code));
    }

    @PostMapping("/members")
    CommitteeMember appoint(@PathVariable String code, @RequestBody MemberForm form) {
        return members.appoint(postId(code), form.username(), form.title(), form.chair());
    }

    @DeleteMapping("/members/{username}")
    ResponseEntity<Void> remove(@PathVariable String code, @PathVariable String username) {
        members.remove(postId(code), username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/meetings")
    List<Meeting> meetings(@PathVariable String code) {
        return committee.meetings(postId(code));
    }

    @PostMapping("/meetings")
    ResponseEntity<Meeting> schedule(@PathVariable String code, @RequestBody MeetingForm form) {
        Meeting meeting = committee.schedule(postId(code), form.title(), form.scheduledFor());
        return ResponseEntity.created(location(code, meeting)).body(meeting);
    }

    @PostMapping("/meetings/convene")
    ResponseEntity<Meeting> convene(@PathVariable String code, @RequestBody ConveneForm form) {
        List<ItemForm> items = form.items() == null ? List.of() : form.items();
        List<AgendaItem> agenda = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            agenda.add(items.get(i).toItem("items[" + i + "].kind"));
        }
        Meeting meeting = committee.convene(postId(code), form.reason(), agenda);
        return ResponseEntity.created(location(code, meeting)).body(meeting);
    }

    /** The meeting's whole record as the caller may see it (portions above their clearance are counted, not sent). */
    @GetMapping("/meetings/{id}")
    MeetingRecord meeting(@PathVariable String code, @PathVariable long id) {
        return records.record(postId(code), id);
    }

    @PostMapping("/meetings/{id}/open")
    Meeting open(@PathVariable String code, @PathVariable long id) {
        return committee.open(postId(code), id);
    }

    @PostMapping("/meetings/{id}/close")
    Meeting close(@PathVariable String code, @PathVariable long id) {
        return committee.close(postId(code), id);
    }

    @PostMapping("/meetings/{id}/agenda")
    AgendaEntry addItem(@PathVariable String code, @PathVariable long id, @RequestBody ItemForm form) {
        return committee.addAgendaItem(postId(code), id, form.toItem("kind"));
    }

    @PostMapping("/meetings/{id}/decisions")
    Decision decide(@PathVariable String code, @PathVariable long id, @RequestBody DecisionForm form) {
        return committee.decide(postId(code), id, form.recommendationId(), form.agendaItemIds(), form.summary());
    }

    private static URI location(String code, Meeting meeting) {
        return URI.create("/api/v1/posts/" + code + "/committee/meetings/" + meeting.id());
    }
}
