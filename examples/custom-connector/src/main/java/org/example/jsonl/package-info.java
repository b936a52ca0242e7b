/**
 * An example connector written only against the email-connectors SPI: {@link org.example.jsonl.JsonLinesProvider}
 * appends every message, rendered, as one JSON line to a file, optionally signed with HMAC-SHA256.
 */
package org.example.jsonl;
