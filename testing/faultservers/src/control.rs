//! The mode switch and the counters, over a minimal HTTP control port on loopback.
//!
//! A change of mode closes every open connection first: the client keeps connections alive, and
//! one kept from before the change would otherwise carry the next call past the new fault.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{watch, Mutex as AsyncMutex};
use tokio::task::JoinHandle;

use crate::modes::{self, Backends, Mode};

pub struct State {
    mode: Mutex<Mode>,
    /// Bumped on every change of mode; open connections end when it moves.
    generation: watch::Sender<u64>,
    /// The accept loop, absent while the mode is `refused`.
    front: AsyncMutex<Option<JoinHandle<()>>>,
    port: u16,
    backends: Arc<Backends>,
    connections: AtomicU64,
    open: AtomicUsize,
    trap_visits: AtomicU64,
}

impl State {
    pub fn new(front: TcpListener, backends: Arc<Backends>) -> Arc<State> {
        let port = front.local_addr().map(|a| a.port()).unwrap_or(0);
        let state = Arc::new(State {
            mode: Mutex::new(Mode::None),
            generation: watch::channel(0).0,
            front: AsyncMutex::new(None),
            port,
            backends,
            connections: AtomicU64::new(0),
            open: AtomicUsize::new(0),
            trap_visits: AtomicU64::new(0),
        });
        let handle = tokio::spawn(accept_loop(front, state.clone()));
        *state.front.try_lock().expect("nobody else has it yet") = Some(handle);
        state
    }

    fn mode(&self) -> Mode {
        *self.mode.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn set_mode(self: &Arc<State>, mode: Mode) -> Result<(), String> {
        let mut front = self.front.lock().await;
        *self.mode.lock().unwrap_or_else(|e| e.into_inner()) = mode;
        self.generation.send_modify(|g| *g += 1);
        if mode == Mode::Refused {
            if let Some(handle) = front.take() {
                handle.abort();
                let _ = handle.await;
            }
        } else if front.is_none() {
            let listener = rebind(self.port).map_err(|e| format!("cannot listen again: {e}"))?;
            *front = Some(tokio::spawn(accept_loop(listener, self.clone())));
        }
        // Let the closed connections' tasks run before the test goes on.
        let started = Instant::now();
        while self.open.load(Ordering::SeqCst) > 0 && started.elapsed() < Duration::from_secs(2) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        Ok(())
    }
}

fn rebind(port: u16) -> std::io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(crate::loopback(port))?;
    socket.listen(128)
}

async fn accept_loop(listener: TcpListener, state: Arc<State>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            // Out of descriptors, say: wait rather than spin.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        state.connections.fetch_add(1, Ordering::SeqCst);
        state.open.fetch_add(1, Ordering::SeqCst);
        let mode = state.mode();
        let changed = state.generation.subscribe();
        let state = state.clone();
        tokio::spawn(async move {
            let _ = modes::serve(mode, stream, state.backends.clone(), changed).await;
            state.open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// The redirect target: counts every connection and closes it unread.
pub async fn count_visitors(trap: TcpListener, state: Arc<State>) {
    while let Ok((stream, _)) = trap.accept().await {
        state.trap_visits.fetch_add(1, Ordering::SeqCst);
        drop(stream);
    }
}

pub async fn serve(control: TcpListener, state: Arc<State>) {
    while let Ok((stream, _)) = control.accept().await {
        let state = state.clone();
        tokio::spawn(async move {
            let _ = handle(stream, &state).await;
        });
    }
}

async fn handle(mut stream: TcpStream, state: &Arc<State>) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let read = stream.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(&buffer[..read]);
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let (status, body) = match (method, path.strip_prefix("/mode/")) {
        ("PUT", Some(name)) => match Mode::parse(name) {
            Some(mode) => match state.set_mode(mode).await {
                Ok(()) => ("200 OK", stats(state)),
                Err(message) => ("500 Internal Server Error", json_error(&message)),
            },
            None => ("400 Bad Request", json_error(&format!("no mode {name}"))),
        },
        ("GET", None) if path == "/stats" => ("200 OK", stats(state)),
        _ => ("404 Not Found", json_error("PUT /mode/NAME or GET /stats")),
    };
    let answer = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(answer.as_bytes()).await?;
    stream.shutdown().await
}

fn stats(state: &State) -> String {
    format!(
        "{{\"mode\":\"{}\",\"connections\":{},\"trap_visits\":{}}}",
        state.mode().name(),
        state.connections.load(Ordering::SeqCst),
        state.trap_visits.load(Ordering::SeqCst)
    )
}

fn json_error(message: &str) -> String {
    format!("{{\"error\":\"{}\"}}", message.replace(['"', '\\'], "'"))
}
