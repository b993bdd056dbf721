/**
 * The byte forms of the core's values: {@link io.aurora.log.codec.MessageCodec} for what replicas
 * send each other, {@link io.aurora.log.codec.RecordCodec} for what a replica stores. Every form
 * starts with a version byte so that a later format can be told apart. Used by the runtime only.
 */
package io.aurora.log.codec;
