//! The engine's progress, drawn on stderr: a bar (or a spinner, when the work cannot be
//! counted) on a terminal, plain lines otherwise (a log, CI), where a redrawn bar would be
//! noise. Each step ends with a line saying what it did and how long it took.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use graph_docs_codegen::progress::Progress;
use indicatif::{ProgressBar, ProgressStyle};

/// How often a plain line repeats where a long step got to.
const PLAIN_EVERY: Duration = Duration::from_secs(10);

pub struct Reporter {
    /// The command, as the first word of each line: `examples`.
    command: &'static str,
    terminal: bool,
    step: Mutex<Option<Step>>,
}

struct Step {
    name: String,
    total: Option<u64>,
    started: Instant,
    bar: Option<ProgressBar>,
    last_line: Instant,
}

impl Reporter {
    pub fn new(command: &'static str) -> Self {
        Reporter {
            command,
            terminal: std::io::stderr().is_terminal(),
            step: Mutex::new(None),
        }
    }

    /// Plain lines even on a terminal.
    #[cfg(test)]
    fn plain(command: &'static str) -> Self {
        Reporter {
            command,
            terminal: false,
            step: Mutex::new(None),
        }
    }

    /// A step the front end does itself (reading the docs), with the same look.
    pub fn run<T>(&self, step: &str, work: impl FnOnce() -> T) -> T {
        self.start(step, None);
        let out = work();
        self.finish("done");
        out
    }
}

fn elapsed(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{}m {:02}s", s / 60, s % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

impl Progress for Reporter {
    fn start(&self, step: &str, total: Option<u64>) {
        let bar = self.terminal.then(|| {
            let bar = match total {
                Some(n) => ProgressBar::new(n).with_style(
                    ProgressStyle::with_template(
                        "{spinner} {prefix}: {msg} [{bar:30}] {pos}/{len} ({elapsed})",
                    )
                    .expect("a valid template")
                    .progress_chars("=> "),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{spinner} {prefix}: {msg} ({elapsed})")
                        .expect("a valid template"),
                ),
            };
            let bar = bar.with_prefix(self.command).with_message(step.to_string());
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        if bar.is_none() {
            eprintln!("{}: {step}...", self.command);
        }
        *self.step.lock().expect("not poisoned") = Some(Step {
            name: step.to_string(),
            total,
            started: Instant::now(),
            bar,
            last_line: Instant::now(),
        });
    }

    fn update(&self, done: u64, detail: &str) {
        let mut step = self.step.lock().expect("not poisoned");
        let Some(step) = step.as_mut() else {
            return;
        };
        match &step.bar {
            Some(bar) => {
                bar.set_position(done);
                if step.total.is_none() {
                    bar.set_message(format!("{} ({done}: {detail})", step.name));
                }
            }
            None if step.last_line.elapsed() >= PLAIN_EVERY => {
                step.last_line = Instant::now();
                let of = step.total.map(|t| format!(" of {t}")).unwrap_or_default();
                eprintln!(
                    "{}: {}: {done}{of} ({detail}), {}",
                    self.command,
                    step.name,
                    elapsed(step.started.elapsed())
                );
            }
            None => {}
        }
    }

    fn finish(&self, summary: &str) {
        let Some(step) = self.step.lock().expect("not poisoned").take() else {
            return;
        };
        if let Some(bar) = &step.bar {
            bar.finish_and_clear();
        }
        eprintln!(
            "{}: {}: {summary} in {}",
            self.command,
            step.name,
            elapsed(step.started.elapsed())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_seconds_then_minutes() {
        assert_eq!(elapsed(Duration::from_millis(1500)), "1.5s");
        assert_eq!(elapsed(Duration::from_secs(125)), "2m 05s");
    }

    #[test]
    fn plain_lines_need_no_terminal() {
        let reporter = Reporter::plain("examples");
        reporter.start("building", None);
        reporter.update(1, "serde");
        reporter.finish("built");
        assert!(reporter.step.lock().unwrap().is_none());
    }
}
