package runner

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// Identity is the user contracts run as.
type Identity struct {
	UID, GID uint32
	Name     string // "" when the UID has no passwd entry
}

// String returns "name (uid)" or "uid".
func (id *Identity) String() string {
	if id.Name == "" {
		return strconv.FormatUint(uint64(id.UID), 10)
	}
	return fmt.Sprintf("%s (%d)", id.Name, id.UID)
}

// credential returns what exec needs to switch to id, or nil when id is
// the current user. Supplementary groups are dropped.
func (id *Identity) credential() *syscall.Credential {
	if int(id.UID) == os.Geteuid() && int(id.GID) == os.Getegid() {
		return nil
	}
	return &syscall.Credential{Uid: id.UID, Gid: id.GID, Groups: []uint32{}}
}

// ResolveUser turns a user name or numeric UID into an Identity. The empty
// spec picks the default: when running as root, "nobody" if that user
// exists (root otherwise); for any other user, that user. A UID with no
// passwd entry runs with GID = UID. Only root may name another user.
func ResolveUser(spec string) (*Identity, error) {
	euid := os.Geteuid()
	if spec == "" {
		if euid == 0 {
			if id, err := lookupUser("nobody"); err == nil {
				return id, nil
			}
		}
		return current()
	}
	id, err := lookupUser(spec)
	if err != nil {
		return nil, err
	}
	if euid != 0 && int(id.UID) != euid {
		return nil, fmt.Errorf("resolve user %q: running contracts as another user needs root (running as uid %d)", spec, euid)
	}
	return id, nil
}

func current() (*Identity, error) {
	id := &Identity{UID: uint32(os.Geteuid()), GID: uint32(os.Getegid())}
	if u, err := user.LookupId(strconv.Itoa(os.Geteuid())); err == nil {
		id.Name = u.Username
	}
	return id, nil
}

func lookupUser(spec string) (*Identity, error) {
	u, err := user.Lookup(spec)
	if err != nil {
		n, perr := strconv.ParseUint(spec, 10, 32)
		if perr != nil {
			return nil, fmt.Errorf("resolve user %q: no such user", spec)
		}
		if u, err = user.LookupId(spec); err != nil {
			return &Identity{UID: uint32(n), GID: uint32(n)}, nil
		}
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("resolve user %q: uid %q: %w", spec, u.Uid, err)
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, fmt.Errorf("resolve user %q: gid %q: %w", spec, u.Gid, err)
	}
	return &Identity{UID: uint32(uid), GID: uint32(gid), Name: u.Username}, nil
}
