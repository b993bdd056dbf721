/** The aurora-http module. See DESIGN.md for what belongs here. */
package io.aurora.http;
