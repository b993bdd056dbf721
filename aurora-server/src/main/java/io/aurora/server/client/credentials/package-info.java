/**
 * The command line's HTTP Basic credentials: {@code --auth-user} with {@code --password-file}, else
 * the scheduler host's entry in {@code ~/.netrc} (as Aurora's client finds them), else none.
 * Nothing here prints a password: {@link io.aurora.server.client.credentials.BasicCredentials}
 * masks it in {@code toString}, and errors name files and hosts only.
 */
package io.aurora.server.client.credentials;
