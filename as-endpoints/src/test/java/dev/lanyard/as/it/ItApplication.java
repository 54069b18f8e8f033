package dev.lanyard.as.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test deployment's JAX-RS application, at the context root: the issuer has no path. */
@ApplicationPath("/")
public class ItApplication extends Application {
}
