/** The aurora-scheduling module. See DESIGN.md for what belongs here. */
package io.aurora.scheduling;
