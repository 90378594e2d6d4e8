//! The server's workers: every piece of work that costs CPU (parsing and
//! validating a contacts file, preparing a language, building, rendering a
//! preview) runs here, on blocking threads, never on the async runtime that
//! answers requests.
//!
//! At most as many run at once as there are cores; up to [`MAX_WAITING`] more wait
//! their turn, each for at most [`MAX_WAIT`]; beyond that a request is refused with
//! `503` and `Retry-After` ([`Kind::Busy`]). Work that passes [`super::BUILD_TIME_LIMIT`] is
//! cancelled ([`crate::cancel`]): the request gets `503`, and the work stops at its
//! next check and only then gives its place back, so the count of running work is
//! always true.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::cancel::{self, Token};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::messages::msg;

/// How many requests may wait for a worker, beyond those running.
pub const MAX_WAITING: usize = 16;
/// How long a request waits for a worker before it is refused as busy: a person
/// at the form is better told to try again than left looking at a spinner.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// Bounded workers for CPU work.
pub(super) struct Pool {
    running: Arc<Semaphore>,
    /// Running and waiting work.
    admitted: AtomicUsize,
    limit: usize,
    time_limit: Duration,
}

/// Gives back a place in the count when the work is over (however it ends).
struct Admitted<'a>(&'a AtomicUsize);

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Pool {
    /// `workers` running at once, each for at most `time_limit`.
    pub fn new(workers: usize, time_limit: Duration) -> Pool {
        let workers = workers.max(1);
        Pool {
            running: Arc::new(Semaphore::new(workers)),
            admitted: AtomicUsize::new(0),
            limit: workers + MAX_WAITING,
            time_limit,
        }
    }

    /// As many workers as the machine has cores.
    pub fn per_core(time_limit: Duration) -> Pool {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Pool::new(cores, time_limit)
    }

    /// Run `work` on a worker, or refuse it when too much is waiting already.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, Diagnostics> + Send + 'static,
    ) -> Result<T, Diagnostics> {
        if self.admitted.fetch_add(1, Ordering::AcqRel) >= self.limit {
            self.admitted.fetch_sub(1, Ordering::AcqRel);
            return Err(busy());
        }
        let _admitted = Admitted(&self.admitted);
        let permit =
            match tokio::time::timeout(MAX_WAIT, Arc::clone(&self.running).acquire_owned()).await {
                Ok(Ok(permit)) => permit,
                Ok(Err(_)) => return Err(internal()),
                Err(_) => return Err(busy()),
            };
        let token = Token::new();
        // However this ends (an answer, the time limit, or the request dropped
        // because its client left or took too long), the work is told to stop.
        let _stop = StopOnDrop(token.clone());
        let handle = {
            let token = token.clone();
            tokio::task::spawn_blocking(move || {
                // The worker's place is given back when the work itself ends.
                let _permit = permit;
                cancel::within(token, work)
            })
        };
        match tokio::time::timeout(self.time_limit, handle).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(internal()),
            Err(_) => {
                token.cancel();
                Err(Diagnostic::error(msg("serve-too-slow"))
                    .kind(Kind::Timeout)
                    .into())
            }
        }
    }
}

/// Cancels a token when dropped.
struct StopOnDrop(Token);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Too much to do: ask again later.
fn busy() -> Diagnostics {
    Diagnostic::error(msg("serve-busy")).kind(Kind::Busy).into()
}

/// The work panicked or the pool was closed: a bug.
fn internal() -> Diagnostics {
    Diagnostic::error(msg("serve-build-stopped"))
        .kind(Kind::Internal)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;
    use std::time::Instant;

    /// Work that runs until it is cancelled, then says so.
    fn until_cancelled(stopped: Arc<AtomicBool>) -> impl FnOnce() -> Result<(), Diagnostics> {
        move || loop {
            if let Err(e) = cancel::check() {
                stopped.store(true, Ordering::SeqCst);
                return Err(e);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// The kinds of the problems a result has.
    fn kinds<T>(result: Result<T, Diagnostics>) -> Vec<Kind> {
        result
            .err()
            .map_or_else(Vec::new, |e| e.0.iter().map(|d| d.kind).collect())
    }

    #[tokio::test]
    async fn work_past_its_time_limit_is_stopped_not_only_abandoned() {
        let pool = Pool::new(1, Duration::from_millis(50));
        let stopped = Arc::new(AtomicBool::new(false));
        let result = pool.run(until_cancelled(Arc::clone(&stopped))).await;
        assert_eq!(kinds(result), vec![Kind::Timeout]);
        let started = Instant::now();
        while !stopped.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(stopped.load(Ordering::SeqCst), "the work went on");
        // Its worker is free again.
        assert!(pool.run(|| Ok(1)).await.is_ok());
    }

    #[tokio::test]
    async fn beyond_the_running_and_the_waiting_work_is_refused_at_once() {
        let pool = Arc::new(Pool::new(1, Duration::from_secs(5)));
        let stopped = Arc::new(AtomicBool::new(false));
        let mut held = Vec::new();
        for _ in 0..=MAX_WAITING {
            let (pool, stopped) = (Arc::clone(&pool), Arc::clone(&stopped));
            held.push(tokio::spawn(async move {
                pool.run(until_cancelled(stopped)).await
            }));
        }
        while pool.admitted.load(Ordering::SeqCst) < 1 + MAX_WAITING {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        let started = Instant::now();
        let refused = pool.run(|| Ok(())).await;
        assert!(started.elapsed() < Duration::from_millis(100));
        assert_eq!(kinds(refused), vec![Kind::Busy]);
        // Requests that go away take their work with them.
        for h in held {
            h.abort();
        }
        let started = Instant::now();
        while pool.admitted.load(Ordering::SeqCst) > 0 && started.elapsed() < Duration::from_secs(5)
        {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert_eq!(pool.admitted.load(Ordering::SeqCst), 0);
        assert!(
            stopped.load(Ordering::SeqCst),
            "the running work was stopped"
        );
    }
}
