package dev.lanyard.rs.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test deployment's JAX-RS application, at the context root like the sample's. */
@ApplicationPath("/")
public class ItApplication extends Application {
}
