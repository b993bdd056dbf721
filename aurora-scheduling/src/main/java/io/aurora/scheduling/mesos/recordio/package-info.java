/**
 * RecordIO, the framing of the Mesos v1 event stream: {@code <decimal length>\n<length bytes>}.
 * Pure byte handling; no IO, no threads.
 */
package io.aurora.scheduling.mesos.recordio;
