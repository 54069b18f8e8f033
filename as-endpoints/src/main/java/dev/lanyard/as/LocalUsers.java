package dev.lanyard.as;

/**
 * The users this authorization server signs in, for a server whose applications share one single sign-on session
 * (Open Liberty's SSO cookie is server-wide): with a bean of this type, a caller the container reports as signed in
 * but who is not one of these users (signed in at another application, another issuer) is signed out at the
 * authorization endpoint, so this server's own sign-in applies. Without such a bean every signed-in caller is taken.
 * Usually the application's {@code IdentityStore} implements it.
 */
@FunctionalInterface
public interface LocalUsers {

    /**
     * Whether {@code subject}, the caller principal's name, is one of this server's users.
     *
     * @param subject the name of the caller principal
     * @return {@code true} when this server signed the user in
     */
    boolean contains(String subject);
}
