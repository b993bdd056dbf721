/** The aurora-server module. See DESIGN.md for what belongs here. */
package io.aurora.server;
