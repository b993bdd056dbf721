/**
 * Small pure helpers over the generated Thrift types: identifier validation, job keys, task
 * queries. No I/O.
 */
package io.aurora.api;
