// Fixture: handlers shared by several arms, a lifetime and char literals.
use crate::result::{Errno, Result};
use crate::syscalls::SyscallHandler;

fn first<'b>(s: &'b [u8]) -> u8 {
    if s.is_empty() { b'\'' } else { s[0] }
}

impl<'a> SyscallHandler<'a> {
    pub fn sys_rw(&mut self, n: usize, fd: usize, buf: usize) -> Result<isize> {
        let quote = '"';
        let file = current_process().get_opened_file_by_fd(fd)?;
        file.transfer(n, buf, quote)
    }

    /// stat(2) — only returns Ok(0): a stub hidden in the handler.
    pub fn sys_stat(&mut self, _path: usize, _buf: usize) -> Result<isize> {
        Ok(0)
    }

    /// clone3(2) — argument checks, then ENOSYS.
    pub fn sys_clone3(&mut self, _args: usize, size: usize) -> Result<isize> {
        if size < 64 {
            return Err(Errno::EINVAL.into());
        }
        Err(Errno::ENOSYS.into())
    }

    pub fn sys_getrlimit(&mut self, resource: c_int, buf: usize) -> Result<isize> {
        let lim = current_process().rlimit(resource);
        UserVAddr::new_nonnull(buf)?.write(&lim)?;
        Ok(0)
    }

    pub fn sys_pipe(&mut self, fds: usize) -> Result<isize> {
        let (r, w) = Pipe::new();
        UserVAddr::new_nonnull(fds)?.write(&[r, w])?;
        Ok(0)
    }

    pub fn sys_private(&mut self) -> Result<isize> {
        spawn_something()
    }
}
