package dev.lanyard.sample.idp;

import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;

/** Prints the IdP's URLs, employees and client when the application starts. */
@WebListener
public class IdpStartup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(IdpStartup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String issuer = ConfigProvider.getConfig().getValue("lanyard.as.issuer", String.class);
        String base = issuer.substring(0, issuer.length() - event.getServletContext().getContextPath().length());
        String path = issuer.substring(base.length());
        LOG.info(() -> String.join(System.lineSeparator(), "Lanyard sample enterprise IdP is up:",
                "  IdP issuer (OpenID Provider, ID-JAG): " + issuer,
                "  its metadata (RFC 8414 §3.1):        " + base + "/.well-known/oauth-authorization-server" + path,
                "  its OpenID configuration:            " + issuer + "/.well-known/openid-configuration",
                "  employees:                           " + Employees.demoLogins(),
                "  client:                              sample-agent (confidential, http://127.0.0.1/callback),",
                "                                       may exchange ID tokens for ID-JAGs to " + base));
    }
}
