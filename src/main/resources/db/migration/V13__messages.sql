-- Composing messages (issue 6): templates in English, Dari and Pashto, what each message reached,
-- and the "no double standard" review tasks.

-- A template is the rows of one name (post_id null: shared by every post), one per language. A post's
-- template of the same name as a shared one is used instead of it at that post.
create table message_template (
    id         bigint generated always as identity primary key,
    post_id    bigint references post (id),
    name       text not null check (length(btrim(name)) between 1 and 100),
    language   text not null check (language in ('en-US', 'fa-AF', 'ps-AF')),
    subject    text not null check (length(btrim(subject)) between 1 and 200),
    body       text not null check (length(btrim(body)) between 1 and 20000),
    created_by text not null,
    created_at timestamptz not null,
    updated_by text not null,
    updated_at timestamptz not null
);
create unique index message_template_name on message_template (coalesce(post_id, 0), lower(name), language);

-- A message about a threat sent to official staff only asks the consular section for an equivalent
-- public message: open until a public message linked to it is sent or a reason is recorded.
create table message_review_task (
    id                 bigint generated always as identity primary key,
    post_id            bigint not null references post (id),
    message_id         bigint not null unique references message (id),
    section            text not null default 'CONSULAR' check (section in ('CONSULAR')),
    created_at         timestamptz not null,
    closed_at          timestamptz,
    closed_by          text,
    closing_message_id bigint references message (id),
    reason             text check (length(btrim(reason)) between 1 and 2000),
    constraint message_review_task_closed check (
        (closed_at is null and closed_by is null and closing_message_id is null and reason is null)
        or (closed_at is not null and closed_by is not null and (closing_message_id is not null or reason is not null)))
);
create index message_review_task_open on message_review_task (post_id, id) where closed_at is null;

-- What a message reached when it was sent, for the dashboard's count of messages to citizens: the
-- people reached on at least one channel, how many of them are private citizens (categories outside
-- chief-of-mission authority), and who could not be reached by e-mail or SMS.
create table message_reach (
    message_id        bigint primary key references message (id),
    post_id           bigint not null references post (id),
    sent_at           timestamptz not null,
    to_public         boolean not null,
    people            integer not null check (people >= 0),
    citizens          integer not null check (citizens between 0 and people),
    unreachable_email integer not null default 0 check (unreachable_email >= 0),
    unreachable_sms   integer not null default 0 check (unreachable_sms >= 0),
    template_name     text,
    review_task_id    bigint references message_review_task (id)
);
create index message_reach_public on message_reach (post_id, sent_at desc) where to_public;

-- The shared templates, in the three languages.
insert into message_template (post_id, name, language, subject, body, created_by, created_at, updated_by, updated_at)
select null, t.name, t.language, t.subject, t.body, 'system', now(), 'system', now()
from (values
    ('Security alert: shelter in place', 'en-US',
     'Security alert: shelter in place',
     'A security threat has been reported near you. Stay indoors, away from windows, and do not travel until further notice. Tell us whether you are safe or need help: {link}'),
    ('Security alert: shelter in place', 'fa-AF',
     'هشدار امنیتی: در جای خود پناه بگیرید',
     'یک تهدید امنیتی در نزدیکی شما گزارش شده است. در داخل خانه بمانید، از کلکین‌ها دور باشید و تا اطلاع ثانوی سفر نکنید. به ما بگویید که در امان هستید یا به کمک نیاز دارید: {link}'),
    ('Security alert: shelter in place', 'ps-AF',
     'امنیتي خبرتیا: په خپل ځای کې پاتې شئ',
     'ستاسو سیمې ته نږدې یو امنیتي ګواښ راپور شوی دی. په کور دننه پاتې شئ، له کړکیو لرې اوسئ او تر بل خبر پورې سفر مه کوئ. موږ ته ووایاست چې خوندي یاست او که مرستې ته اړتیا لرئ: {link}'),
    ('Account for yourself: answer with the link', 'en-US',
     'Account for yourself: answer with the link',
     'The embassy is accounting for everyone. Open your personal link and tell us whether you are safe, need help, want to leave or have already left: {link}'),
    ('Account for yourself: answer with the link', 'fa-AF',
     'وضعیت خود را اعلام کنید: با لینک پاسخ دهید',
     'سفارت در حال بررسی وضعیت همه افراد است. لینک شخصی خود را باز کنید و به ما بگویید که در امان هستید، به کمک نیاز دارید، می‌خواهید کشور را ترک کنید یا قبلاً ترک کرده‌اید: {link}'),
    ('Account for yourself: answer with the link', 'ps-AF',
     'خپل حالت راته ووایاست: په لینک ځواب ورکړئ',
     'سفارت د ټولو کسانو حالت معلوموي. خپل شخصي لینک خلاص کړئ او موږ ته ووایاست چې خوندي یاست، مرستې ته اړتیا لرئ، وتل غواړئ او که لا دمخه وتلي یاست: {link}'),
    ('Departure: report to the assembly point', 'en-US',
     'Departure: report to the assembly point',
     'If you are leaving with the embassy''s help, go to the assembly point at the time you were given. Bring the passports and documents of every member of your family, and only one bag per person. Confirm that you are coming: {link}'),
    ('Departure: report to the assembly point', 'fa-AF',
     'خروج: به نقطه تجمع مراجعه کنید',
     'اگر با کمک سفارت کشور را ترک می‌کنید، در وقت تعیین‌شده به نقطه تجمع بروید. پاسپورت و اسناد همه اعضای خانواده خود را همراه داشته باشید و برای هر نفر فقط یک بکس بیاورید. آمدن خود را تأیید کنید: {link}'),
    ('Departure: report to the assembly point', 'ps-AF',
     'وتل: د راټولېدو ځای ته ورشئ',
     'که د سفارت په مرسته له هېواده وځئ، په ټاکلي وخت د راټولېدو ځای ته ورشئ. د خپلې کورنۍ د ټولو غړو پاسپورټونه او اسناد له ځانه سره راوړئ؛ هر کس دې یوازې یو بکس ولري. خپل راتګ تایید کړئ: {link}')
) as t (name, language, subject, body);
