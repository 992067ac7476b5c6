// Fixture: a handler that does real work.
use crate::result::Result;
use crate::syscalls::SyscallHandler;

impl<'a> SyscallHandler<'a> {
    pub fn sys_open(&mut self, path: &str, flags: usize) -> Result<isize> {
        let fd = current_process().opened_files().open(path, flags)?;
        Ok(fd as isize)
    }

    pub fn sys_close(&mut self, fd: i32) -> Result<isize> {
        current_process().opened_files().close(fd)?;
        Ok(0)
    }
}
