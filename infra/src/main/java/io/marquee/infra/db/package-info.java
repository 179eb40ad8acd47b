/** PostgreSQL plumbing: each module migrates its own tables. */
package io.marquee.infra.db;
