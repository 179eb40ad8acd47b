package io.marquee.command.security;

/** Unknown email, wrong password or removed user: deliberately one case, answering one 401. */
class LoginRefusedException extends RuntimeException {

    LoginRefusedException() {
        super("The email or password is wrong.");
    }
}
