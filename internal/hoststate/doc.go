// Package hoststate takes snapshots of what a test must leave as it found
// it on the host — processes, the mount table, the cgroup trees and the
// hostname — and compares them.
//
// On a shared machine other programs change some of this at the same time
// (processes come and go, other tools make cgroups), so a Diff can be
// narrowed with Marks to the changes one actor could have made: processes
// in its namespaces or cgroups, cgroup directories below its own, or with
// names only it makes. Mount table and hostname changes are never
// filtered.
package hoststate
