package io.marquee.command.account;

import io.marquee.events.account.OrganizationRegisteredEvent;
import io.marquee.events.account.UserAddedEvent;
import io.marquee.events.account.UserRemovedEvent;
import io.marquee.events.account.UserRoleChangedEvent;
import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import io.marquee.infra.web.NotFoundException;
import io.marquee.infra.web.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationTest {

    static final OrganizationId ORG = OrganizationId.random();
    static final UserId ADA = UserId.random();
    static final UserId EVE = UserId.random();
    static final String HASH = "{bcrypt-sha256}$2a$12$stand-in";

    InMemoryCredentials credentials;
    AggregateTestFixture<Organization> fixture;

    @BeforeEach
    void setUp() {
        credentials = new InMemoryCredentials();
        fixture = new AggregateTestFixture<>(Organization.class);
        fixture.registerInjectableResource(credentials);
    }

    static RegisterOrganizationCommand register() {
        return new RegisterOrganizationCommand(ORG, "Acme Cinemas", ADA, "ada@acme.example", "Ada Admin", HASH);
    }

    static OrganizationRegisteredEvent registered() {
        return new OrganizationRegisteredEvent(ORG, "Acme Cinemas");
    }

    static UserAddedEvent added(UserId user, Role role) {
        return new UserAddedEvent(user, ORG, user == ADA ? "Ada Admin" : "Eve Editor", role.name());
    }

    static AddUserCommand addEve(Role role) {
        return new AddUserCommand(ORG, EVE, "eve@acme.example", "Eve Editor", role, HASH);
    }

    @Test
    void registering_creates_the_organization_and_its_first_admin() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectEvents(registered(), added(ADA, Role.ADMIN));
    }

    @Test
    void registering_stores_the_admins_credentials_beside_the_events() {
        fixture.givenNoPriorActivity().when(register()).expectSuccessfulHandlerExecution();

        assertThat(credentials.byEmail("ada@acme.example")).hasValueSatisfying(account -> {
            assertThat(account.userId()).isEqualTo(ADA);
            assertThat(account.role()).isEqualTo(Role.ADMIN);
            assertThat(account.passwordHash()).isEqualTo(HASH);
        });
    }

    @Test
    void registering_with_a_taken_email_is_refused() {
        credentials.add(new Credentials.Account(UserId.random(), OrganizationId.random(), "ada@acme.example",
                "Someone", Role.VIEWER, HASH, false));

        fixture.givenNoPriorActivity()
                .when(register())
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("A user with this email already exists.")
                .expectNoEvents();
    }

    @Test
    void an_organization_needs_a_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganizationCommand(ORG, " ", ADA, "ada@acme.example", "Ada Admin", HASH))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_user_is_added_with_a_role() {
        fixture.given(registered(), added(ADA, Role.ADMIN))
                .when(addEve(Role.EDITOR))
                .expectEvents(added(EVE, Role.EDITOR));
    }

    @Test
    void adding_a_user_whose_email_is_taken_is_refused() {
        credentials.add(new Credentials.Account(UserId.random(), ORG, "eve@acme.example", "Eve", Role.VIEWER, HASH, false));

        fixture.given(registered(), added(ADA, Role.ADMIN))
                .when(addEve(Role.EDITOR))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void a_users_role_is_changed_remembering_the_previous_one() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new ChangeUserRoleCommand(ORG, EVE, Role.VIEWER))
                .expectEvents(new UserRoleChangedEvent(EVE, ORG, "VIEWER", "EDITOR"));
    }

    @Test
    void giving_a_user_the_role_they_have_changes_nothing() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new ChangeUserRoleCommand(ORG, EVE, Role.EDITOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_the_role_of_someone_who_is_not_a_member_is_not_found() {
        fixture.given(registered(), added(ADA, Role.ADMIN))
                .when(new ChangeUserRoleCommand(ORG, UserId.random(), Role.VIEWER))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void the_last_admin_cannot_be_demoted() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new ChangeUserRoleCommand(ORG, ADA, Role.EDITOR))
                .expectException(exceptionWithRule(Organization.LAST_ADMIN_RULE))
                .expectNoEvents();
    }

    @Test
    void an_admin_can_be_demoted_while_another_admin_remains() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.ADMIN))
                .when(new ChangeUserRoleCommand(ORG, ADA, Role.VIEWER))
                .expectEvents(new UserRoleChangedEvent(ADA, ORG, "VIEWER", "ADMIN"));
    }

    @Test
    void a_role_change_reaches_the_credentials() {
        credentials.add(new Credentials.Account(EVE, ORG, "eve@acme.example", "Eve Editor", Role.EDITOR, HASH, false));

        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new ChangeUserRoleCommand(ORG, EVE, Role.ANALYST))
                .expectSuccessfulHandlerExecution();

        assertThat(credentials.byUserId(EVE)).map(Credentials.Account::role).contains(Role.ANALYST);
    }

    @Test
    void a_user_is_removed() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new RemoveUserCommand(ORG, EVE))
                .expectEvents(new UserRemovedEvent(EVE, ORG));
    }

    @Test
    void a_removed_user_loses_their_password_hash() {
        credentials.add(new Credentials.Account(EVE, ORG, "eve@acme.example", "Eve Editor", Role.EDITOR, HASH, false));

        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new RemoveUserCommand(ORG, EVE))
                .expectSuccessfulHandlerExecution();

        assertThat(credentials.byUserId(EVE)).hasValueSatisfying(account -> {
            assertThat(account.removed()).isTrue();
            assertThat(account.passwordHash()).isNull();
        });
    }

    @Test
    void removing_someone_who_is_not_a_member_is_not_found() {
        fixture.given(registered(), added(ADA, Role.ADMIN))
                .when(new RemoveUserCommand(ORG, UserId.random()))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_removed_user_is_no_longer_a_member() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR), new UserRemovedEvent(EVE, ORG))
                .when(new RemoveUserCommand(ORG, EVE))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void the_last_admin_cannot_be_removed() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.EDITOR))
                .when(new RemoveUserCommand(ORG, ADA))
                .expectException(exceptionWithRule(Organization.LAST_ADMIN_RULE))
                .expectNoEvents();
    }

    @Test
    void an_admin_can_be_removed_while_another_admin_remains() {
        fixture.given(registered(), added(ADA, Role.ADMIN), added(EVE, Role.ADMIN))
                .when(new RemoveUserCommand(ORG, ADA))
                .expectEvents(new UserRemovedEvent(ADA, ORG));
    }

    private static Matcher<Object> exceptionWithRule(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolationException violation && violation.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation of " + rule);
            }
        };
    }
}
