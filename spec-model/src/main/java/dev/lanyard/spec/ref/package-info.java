/** Spec references: the documents and sections each rule comes from. */
package dev.lanyard.spec.ref;
