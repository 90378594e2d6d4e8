//! Stopping work that is no longer wanted: the web server gives each build a time
//! limit, and a build past it must stop using a core, not only lose its answer.
//!
//! The server runs a piece of work [`within`] a [`Token`]; the loops that can take
//! long (typesetting each frame and shrinking it, decoding a logo's rows) call
//! [`check`] or [`cancelled`], which answer once the token is cancelled. The token is kept per thread,
//! so the stages need no extra parameter, and outside the server (the command line,
//! batch, tests) there is none and `check` costs one thread-local read.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::messages::msg;

/// Shared between the one who waits for the work and the work itself.
#[derive(Debug, Clone, Default)]
pub struct Token(Arc<AtomicBool>);

impl Token {
    /// A token not yet cancelled.
    pub fn new() -> Token {
        Token::default()
    }

    /// Ask the work to stop at its next [`check`].
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Token>> = const { RefCell::new(None) };
}

/// Run `work` on this thread so that [`check`] inside it answers to `token`.
pub fn within<T>(token: Token, work: impl FnOnce() -> T) -> T {
    /// Clears the token however `work` ends (a panic too).
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            CURRENT.with(|c| c.borrow_mut().take());
        }
    }
    CURRENT.with(|c| *c.borrow_mut() = Some(token));
    let _reset = Reset;
    work()
}

/// Whether the work on this thread has been asked to stop.
pub fn cancelled() -> bool {
    CURRENT.with(|c| c.borrow().as_ref().is_some_and(Token::is_cancelled))
}

/// Whether the work on this thread may go on.
pub fn check() -> Result<(), Diagnostics> {
    if cancelled() {
        Err(Diagnostic::error(msg("serve-too-slow"))
            .kind(Kind::Timeout)
            .into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_stops_once_its_token_is_cancelled_and_only_its_own() {
        assert!(check().is_ok(), "no token, no cancelling");
        let token = Token::new();
        let seen = within(token.clone(), || {
            let before = check().is_ok();
            token.cancel();
            (before, check().is_err())
        });
        assert_eq!(seen, (true, true));
        assert!(check().is_ok(), "the token ends with its work");
    }
}
