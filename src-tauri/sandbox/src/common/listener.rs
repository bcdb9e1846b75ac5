use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::middleware;
use tokio::net::TcpListener;

use super::control::{simulate, Control};
use super::{admin, Settings, Simulator};

/// One provider's simulator served on its own loopback port until dropped.
pub(crate) struct Listener {
    addr: SocketAddr,
    control: Arc<Control>,
}

impl Listener {
    pub async fn bind(port: u16, simulator: Simulator, settings: Settings) -> io::Result<Listener> {
        let tcp = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
        let addr = tcp.local_addr()?;
        let control = Arc::new(Control::new(settings.latency, simulator.reset));
        let admin = if settings.admin { admin::routes(Arc::clone(&control)) } else { admin::absent() };
        let app = admin.merge(simulator.routes).layer(middleware::from_fn_with_state(Arc::clone(&control), simulate));
        let shutdown = Arc::clone(&control);
        tokio::spawn(async move {
            let served = axum::serve(tcp, app).with_graceful_shutdown(async move { shutdown.stopped().await }).await;
            if let Err(err) = served {
                tracing::warn!(%addr, %err, "sandbox listener failed");
            }
        });
        Ok(Listener { addr, control })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn control(&self) -> &Control {
        &self.control
    }
}

impl Drop for Listener {
    // Wakes hung requests and lets the server close its connections.
    fn drop(&mut self) {
        self.control.stop();
    }
}
