package dev.lanyard.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's JAX-RS application, at the context root so that well-known URLs resolve. */
@ApplicationPath("/")
public class SampleApplication extends Application {
}
