package org.muster.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.muster.people.Reachable;

/**
 * The deliveries of a message to resolved people: one per person and chosen channel they can be
 * reached on (e-mail and SMS need an address; in-app always), the count per channel, the people
 * reached on at least one channel, and those a chosen e-mail or SMS channel cannot reach.
 */
record ResolvedDeliveries(
        List<Recipient> recipients,
        Map<Channel, Integer> counts,
        Map<Channel, Preview.Unreachable> unreachable,
        List<Reachable> reached) {

    static ResolvedDeliveries of(List<Reachable> people, Collection<Channel> chosen) {
        List<Channel> channels =
                List.of(Channel.values()).stream().filter(chosen::contains).toList();
        List<Recipient> recipients = new ArrayList<>(people.size() * channels.size());
        Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
        Map<Channel, List<String>> missing = new EnumMap<>(Channel.class);
        List<Reachable> reached = new ArrayList<>();
        for (Channel c : channels) {
            counts.put(c, 0);
            if (c.external()) {
                missing.put(c, new ArrayList<>());
            }
        }
        for (Reachable p : people) {
            Language language = Language.parse("language", p.language());
            boolean any = false;
            for (Channel c : channels) {
                String address = switch (c) {
                    case EMAIL -> p.email();
                    case SMS -> p.phone();
                    case IN_APP -> null;
                };
                if (c.external() && (address == null || address.isBlank())) {
                    missing.get(c).add(p.name());
                    continue;
                }
                recipients.add(new Recipient(p.personId(), c, address, language));
                counts.merge(c, 1, Integer::sum);
                any = true;
            }
            if (any) {
                reached.add(p);
            }
        }
        Map<Channel, Preview.Unreachable> unreachable = new EnumMap<>(Channel.class);
        missing.forEach((c, names) -> unreachable.put(
                c,
                new Preview.Unreachable(
                        names.size(), List.copyOf(names.subList(0, Math.min(Preview.SAMPLE, names.size()))))));
        return new ResolvedDeliveries(recipients, counts, unreachable, reached);
    }
}
