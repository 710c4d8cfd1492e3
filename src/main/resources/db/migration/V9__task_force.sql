-- The task force's domino picture reads, across all its posts, the observations whose event names a
-- posture (MissionPostures.POSTURE_EVENT): a small share of a year of observations, indexed apart.
create index observation_posture_event on observation (post_id, observed_at desc, id desc)
    where upper(translate(btrim(event), '- ', '__')) in ('NORMAL', 'NORMAL_OPERATIONS',
        'AUTHORIZED_DEPARTURE', 'ORDERED_DEPARTURE', 'SUSPENSION', 'SUSPENSION_OF_OPERATIONS', 'SUSPENDED');

