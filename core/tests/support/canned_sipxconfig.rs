//! A canned sipXconfig on loopback (plain HTTP): every request gets the same kind of answer,
//! and the requests that reached it are counted, so "not sent" is a count that does not grow.

#![allow(dead_code)] // each test binary uses its part

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// How the canned server answers every request.
#[derive(Clone, Copy)]
pub enum Answers {
    /// 401, as sipXconfig answers a wrong PIN.
    WrongPin,
    /// 200: an empty answer to a call, an empty list of calls in progress.
    Accepted,
    /// As `Accepted`, each answer 200 ms after its request, as a PBX under load.
    SlowAccepted,
    /// Nothing: the request is read and the connection kept open, as a PBX that hangs.
    Nothing,
}

pub struct Pbx {
    /// Its loopback port.
    pub port: u16,
    requests: Arc<AtomicUsize>,
}

impl Pbx {
    pub fn start(answers: Answers) -> Pbx {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(AtomicUsize::new(0));
        let seen = requests.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let seen = seen.clone();
                thread::spawn(move || serve(stream, answers, &seen));
            }
        });
        Pbx { port, requests }
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn serve(stream: TcpStream, answers: Answers, seen: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut line = String::new();
        let mut get = false;
        // The head, to its empty line; click2dial's requests have no body.
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            get |= line.starts_with("GET ");
            if line == "\r\n" {
                break;
            }
        }
        seen.fetch_add(1, Ordering::SeqCst);
        if let Answers::SlowAccepted = answers {
            thread::sleep(Duration::from_millis(200));
        }
        let answer: &[u8] = match answers {
            Answers::WrongPin => b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 0\r\n\r\n",
            Answers::Accepted | Answers::SlowAccepted if get => b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"cdrs\":[]}",
            Answers::Accepted | Answers::SlowAccepted => b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            Answers::Nothing => {
                thread::sleep(Duration::from_secs(30));
                return;
            }
        };
        if writer.write_all(answer).is_err() {
            return;
        }
    }
}
