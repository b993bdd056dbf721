/** The aurora-log module. See DESIGN.md for what belongs here. */
package io.aurora.log;
