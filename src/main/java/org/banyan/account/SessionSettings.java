package org.banyan.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a signed-in page session may last.
 *
 * @param absoluteTimeout {@code BANYAN_SESSION_ABSOLUTE_TIMEOUT}: a session ends this long after
 *     its sign-in, however busy it was; the idle timeout is {@code SERVER_SERVLET_SESSION_TIMEOUT}
 */
@ConfigurationProperties("banyan.session")
record SessionSettings(@DefaultValue("12h") Duration absoluteTimeout) {}
