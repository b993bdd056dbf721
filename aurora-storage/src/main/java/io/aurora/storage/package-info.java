/** The aurora-storage module. See DESIGN.md for what belongs here. */
package io.aurora.storage;
