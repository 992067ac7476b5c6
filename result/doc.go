// Package result holds the versioned JSON documents syscov writes and reads:
// syscov.trace/v1 (one traced command) and syscov.run/v1 (a contract-suite
// run). It has no dependencies on the tracer, so reports and tests can read
// recorded results without privileges.
package result
