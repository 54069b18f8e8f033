/** In-memory stores: bounded, expiring, atomic; state is lost on restart and not shared between nodes. */
package dev.lanyard.grants.store.memory;
