/** Kafka plumbing shared by every role: topic creation and broker health. */
package io.marquee.infra.kafka;
