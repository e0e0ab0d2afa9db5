//! How a long step tells its front end how far it got: the example check builds and runs a
//! cargo package for minutes on the whole corpus. The engine reports; the CLI draws (a bar
//! on a terminal, plain lines otherwise); a build script or a test says nothing ([`Quiet`]).

/// Receives the steps of a long run, one after the other.
pub trait Progress: Sync {
    /// A step starts: `total` units of work when they can be counted.
    fn start(&self, step: &str, total: Option<u64>);
    /// `done` units of the current step are done; `detail` is what is being done now.
    fn update(&self, done: u64, detail: &str);
    /// The current step ended; `summary` says what it did.
    fn finish(&self, summary: &str);
}

/// Reports nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _step: &str, _total: Option<u64>) {}
    fn update(&self, _done: u64, _detail: &str) {}
    fn finish(&self, _summary: &str) {}
}
