package dev.emailconnectors.integration;

import java.util.ArrayList;
import java.util.List;

/** Every fixture, one per connector on the class path. */
final class Fixtures {
    private Fixtures() {}

    /** @return a new fixture of every HTTP-based connector */
    static List<HttpFixture> http() {
        List<HttpFixture> out = new ArrayList<>();
        out.add(new WebhookFixture());
        out.add(new SesFixture());
        out.add(new SendGridFixture());
        out.add(new MailgunFixture());
        out.add(new PostmarkFixture());
        out.add(new AliyunFixture());
        return out;
    }

    /** @return a new fixture of every connector (the composites over HTTP peers) */
    static List<Fixture> all() {
        List<Fixture> out = new ArrayList<>(http());
        out.add(new SmtpFixture());
        out.add(new BuiltinFixture());
        out.add(new FailoverFixture(new SesFixture(), new WebhookFixture()));
        out.add(new ResilientFixture(new SendGridFixture()));
        out.add(new FailoverFixture(new SmtpFixture(), new MailgunFixture()));
        out.add(new ResilientFixture(new SmtpFixture()));
        return out;
    }
}
