// Fixture in the shape of Kevlar's kernel/syscalls/mod.rs, written for
// syscov's tests. Braces in comments { and strings must not count.
/* A block comment /* with a nested one { */ still a comment } */
use crate::result::{Errno, Error, Result};

mod open;
mod rw;

const BANNER: &str = "not a brace: }";
const RAW: &str = r#"a raw "string" with } and // no comment"#;
const OPEN_BRACE: char = '{';

fn longest<'a>(x: &'a str, _y: &'a str) -> &'a str {
    x
}

// x86_64 syscall numbers.
#[cfg(target_arch = "x86_64")]
mod syscall_numbers {
    pub const SYS_READ: usize = 0;
    pub const SYS_WRITE: usize = 1;
    pub const SYS_OPEN: usize = 2;
    pub const SYS_CLOSE: usize = 3;
    pub const SYS_STAT: usize = 4;
    pub const SYS_FSTAT: usize = 5;
    pub const SYS_PIPE: usize = 22;
    pub const SYS_GETPID: usize = 39;
    pub const SYS_UNAME: usize = 63;
    pub const SYS_SYNC: usize = 162;
    // Wrong on purpose: getrlimit is 97 on x86_64, 163 is acct.
    pub const SYS_GETRLIMIT: usize = 163;
    pub const SYS_CLONE3: usize = 435;
    /// Private, above the Linux range.
    pub const SYS_PRIVATE: usize = 500;
    // An expression the parser does not evaluate.
    pub const SYS_SHIFTED: usize = 1 << 3;
}

// aarch64 syscall numbers.
#[cfg(target_arch = "aarch64")]
mod syscall_numbers {
    pub const SYS_READ: usize = 63;
    pub const SYS_WRITE: usize = 64;
    pub const SYS_CLOSE: usize = 57;
    pub const SYS_FSTAT: usize = 80;
    pub const SYS_PIPE2: usize = 59;
    pub const SYS_GETPID: usize = 172;
    pub const SYS_UNAME: usize = 160;
    pub const SYS_SYNC: usize = 81;
    pub const SYS_CLONE3: usize = 435;
    pub const SYS_PRIVATE: usize = 500;
    // No old syscalls on arm64: placeholders that are never reached.
    pub const SYS_OPEN: usize = 0xF001;
    pub const SYS_STAT: usize = 0xF002;
    pub const SYS_PIPE: usize = 0xF003;
    pub const SYS_GETRLIMIT: usize = 0xF004;
}

use syscall_numbers::*;

pub struct SyscallHandler<'a> {
    pub frame: &'a mut usize,
}

impl<'a> SyscallHandler<'a> {
    pub fn dispatch(&mut self, a1: usize, a2: usize, n: usize) -> Result<isize> {
        let s = "match n { SYS_READ => fake }";
        self.do_dispatch(a1, a2, n)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn do_dispatch(&mut self, a1: usize, a2: usize, n: usize) -> Result<isize> {
        match n {
            SYS_OPEN => {
                let path = "}{"; // braces in a string
                self.sys_open(path, a2)
            }
            SYS_READ | SYS_WRITE => self.sys_rw(n, a1, a2),
            SYS_CLOSE => self.sys_close(a1 as i32),
            SYS_STAT
            | SYS_FSTAT => self.sys_stat(a1, a2),
            SYS_GETPID => Ok(current_process().pid() as isize),
            SYS_UNAME => Err(Error::new(Errno::ENOSYS)),
            SYS_SYNC => Ok(0), // accepted silently
            SYS_CLONE3 => self.sys_clone3(a1, a2),
            SYS_GETRLIMIT => self.sys_getrlimit(a1 as c_int, a2),
            SYS_PIPE => self.sys_pipe(a1),
            #[cfg(target_arch = "aarch64")]
            SYS_PIPE2 => self.sys_pipe(a1),
            SYS_PRIVATE => self.sys_private(),
            #[cfg(target_arch = "x86_64")]
            172 /* iopl */ => {
                // Accept without changing anything.
                Ok(0)
            }
            #[cfg(target_arch = "x86_64")]
            142 /* sched_getparam (x86_64) */ => Ok(0),
            #[cfg(target_arch = "x86_64")]
            149 /* mlock (x86_64) */ | 150 /* munlock */ => Ok(0),
            #[cfg(target_arch = "aarch64")]
            228 /* mlock (arm64) */ | 229 /* munlock */ => Ok(0),
            #[cfg(target_arch = "x86_64")]
            27  /* mincore (x86_64) */ => Err(Error::new(Errno::ENOSYS)),
            #[cfg(not(target_arch = "x86_64"))]
            277 /* sync_file_range2 (arm64) */ => Ok(0), // hint only
            400..=410 => Ok(0),
            _ => {
                warn!("unimplemented system call: {} (n={})", "?", n);
                Err(Error::new(Errno::ENOSYS))
            }
        }
    }
}
