/**
 * Test fixtures of aurora-log shared with the modules above it through the aurora-log test-jar
 * (the parent pom manages its version). Tests only: nothing in main code may depend on it.
 */
package io.aurora.log.testing;
