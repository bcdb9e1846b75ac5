use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;

/// A simulator's state behind a lock, with the seed it is reset to.
pub(crate) struct Store<S> {
    state: Arc<Mutex<S>>,
    seed: Arc<dyn Fn() -> S + Send + Sync>,
}

// Derived Clone would needlessly require `S: Clone`.
impl<S> Clone for Store<S> {
    fn clone(&self) -> Self {
        Store { state: Arc::clone(&self.state), seed: Arc::clone(&self.seed) }
    }
}

impl<S: Send + 'static> Store<S> {
    pub fn new(seed: impl Fn() -> S + Send + Sync + 'static) -> Self {
        Store { state: Arc::new(Mutex::new(seed())), seed: Arc::new(seed) }
    }

    /// Runs `f` on the state. Taking a closure keeps the lock away from any
    /// await and hands out a plain `&mut S`, so `f` can borrow fields apart.
    pub fn with<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        f(&mut self.lock())
    }

    // A handler that panicked leaves the state usable: later requests (and
    // tests) should still see it.
    fn lock(&self) -> MutexGuard<'_, S> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn reseed(&self) {
        let fresh = (self.seed)();
        *self.lock() = fresh;
    }
}

/// What a provider module hands the framework: its API routes (state bound)
/// and a way to put its state back to the seed.
pub(crate) struct Simulator {
    pub routes: Router,
    pub reset: Box<dyn Fn() + Send + Sync>,
}

impl Simulator {
    pub fn new<S: Send + 'static>(store: Store<S>, routes: Router<Store<S>>) -> Self {
        let reseed = store.clone();
        Simulator { routes: routes.with_state(store), reset: Box::new(move || reseed.reseed()) }
    }
}
