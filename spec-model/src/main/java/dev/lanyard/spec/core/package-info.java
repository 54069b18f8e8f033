/** Value types shared by every message: parameters, scopes, registries of grant types, auth methods and token types. */
package dev.lanyard.spec.core;
