package org.muster.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo's people what a real register holds after months of lists: where they are,
 * citizenship verified or only claimed, intent to leave, phones and emails verified at various
 * dates (some stale), emergency staff; and assigns the demo wardens their neighbourhoods. Values
 * follow from each person's id, so a load is repeatable.
 */
@Component
class DemoWhereabouts {
    static final String[] KABUL = {
        "Wazir Akbar Khan", "Shahr-e Naw", "Karte Se", "Khair Khana", "Dasht-e Barchi", "Taimani"
    };
    static final String[] COUNTRY = {"Mazar-i-Sharif", "Herat", "Kandahar", "Jalalabad"};

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoWhereabouts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void apply(long postId, boolean capital) {
        String[] city = capital ? KABUL : new String[] {"Mazar-i-Sharif", "Balkh", "Hairatan"};
        String[] away = capital ? COUNTRY : new String[] {"Kabul", "Kunduz"};
        jdbc.sql("""
                update person p set
                    location = case
                        when p.category in ('US_DIRECT_HIRE', 'ELIGIBLE_FAMILY_MEMBER', 'TDY_VISITOR', 'PERSONAL_SERVICES_CONTRACTOR')
                            then 'Embassy compound'
                        when p.id % 7 = 0 then (?::text[])[1 + (p.id / 7) % cardinality(?::text[])]
                        else (?::text[])[1 + p.id % cardinality(?::text[])] end,
                    citizenship = case
                        when p.category = 'PRIVATE_US_CITIZEN' then
                            case when p.id % 20 = 0 then 'DISPROVED' when p.id % 5 < 3 then 'VERIFIED' else 'CLAIMED' end
                        when p.nationality = 'US' then 'VERIFIED' else 'UNKNOWN' end,
                    intent = case
                        when p.chief_of_mission then 'UNKNOWN'
                        when p.id % 10 < 5 then 'LEAVE' when p.id % 10 < 8 then 'UNDECIDED' when p.id % 10 = 8 then 'STAY'
                        else 'UNKNOWN' end,
                    emergency_staff = p.category = 'US_DIRECT_HIRE' and p.id % 10 = 0,
                    last_contact_at = ? - (p.id % 240) * interval '1 hour'
                where p.post_id = ?
                """)
                .params(away, away, city, city, OffsetDateTime.now(clock), postId)
                .update();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                insert into contact_point (person_id, kind, value, last_verified)
                select p.id, 'PHONE', '+93 7' || lpad((p.id * 7919 % 100000000)::text, 8, '0'),
                       case when p.id % 6 = 0 then null else ?::date - (p.id % 150)::int end
                from person p where p.post_id = ? and p.id % 11 <> 0
                union all
                select p.id, 'EMAIL', lower(regexp_replace(p.given_name || '.' || p.family_name, '[^A-Za-z.]', '', 'g'))
                           || p.id || '@example.org',
                       ?::date - (p.id % 120)::int
                from person p where p.post_id = ? and p.nationality = 'US'
                """).params(today, postId, today, postId).update();
        jdbc.sql("""
                update person_state s set location = p.location, citizenship = p.citizenship
                from person p where p.id = s.person_id and p.post_id = ?
                """).param(postId).update();
        jdbc.sql("""
                insert into warden_assignment (post_id, user_id, location)
                select ?, u.id, l from app_user u, unnest(?::text[]) l
                where u.username = ? on conflict do nothing
                """)
                .params(postId, new String[] {city[0], city[1]}, capital ? "warden.kbl" : "warden.mzr")
                .update();
    }
}
