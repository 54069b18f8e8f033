package dev.lanyard.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.lanyard.spec.ref.Specs;

/** A liveness document naming the spec revisions this build implements. */
@Path("status")
@ApplicationScoped
public class StatusResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject status() {
        return Json.createObjectBuilder()
                .add("status", "up")
                .add("oauth", Specs.OAUTH21)
                .add("mcp", Specs.MCP)
                .build();
    }
}
