//! The process's one casting queue. Casts that arrive while a batch is
//! being written wait and go together in the next one: one transaction
//! and one commit (one disk sync) for all of them, which is what lets an
//! SQLite file take thousands of ballots a second without giving up
//! durability, and keeps this process's writers from queueing on the
//! database's lock one by one.

use std::collections::BTreeMap;

use pebble_db::DatabaseConnection;
use pebble_db::casting::{self, Cast, CastOutcome};
use tokio::sync::{mpsc, oneshot};

/// Most casts written in one transaction.
const MAX_BATCH: usize = 512;

/// Casts waiting beyond this make new ones wait to be queued.
const QUEUE: usize = 8_192;

/// Why a batch was not written (nothing of it was): the database was
/// busy (`busy`), or something else failed (logged here).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failed {
    /// Whether it was only busy, so that trying again may work.
    pub busy: bool,
}

type Reply = Result<CastOutcome, Failed>;

struct Job {
    cycle: i32,
    cast: Cast,
    reply: oneshot::Sender<Reply>,
}

/// A handle on the casting queue.
#[derive(Debug)]
pub struct Queue {
    jobs: mpsc::Sender<Job>,
}

impl Queue {
    /// Starts the queue's writer task on the current tokio runtime.
    pub fn start(db: DatabaseConnection) -> Queue {
        let (jobs, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(write_batches(db, receiver));
        Queue { jobs }
    }

    /// Casts one ballot and waits for its batch to be written.
    pub async fn cast(&self, cycle: i32, cast: Cast) -> Result<CastOutcome, Failed> {
        let (reply, answer) = oneshot::channel();
        let stopped = || {
            tracing::error!("the casting queue has stopped");
            Failed { busy: true }
        };
        self.jobs
            .send(Job { cycle, cast, reply })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

async fn write_batches(db: DatabaseConnection, mut receiver: mpsc::Receiver<Job>) {
    while let Some(first) = receiver.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let mut by_cycle: BTreeMap<i32, Vec<Job>> = BTreeMap::new();
        for job in jobs {
            by_cycle.entry(job.cycle).or_default().push(job);
        }
        for (cycle, jobs) in by_cycle {
            let (casts, replies): (Vec<Cast>, Vec<_>) =
                jobs.into_iter().map(|job| (job.cast, job.reply)).unzip();
            let started = std::time::Instant::now();
            let outcomes = casting::cast_batch(&db, cycle, &casts).await;
            tracing::debug!(
                cycle,
                casts = casts.len(),
                took_us = started.elapsed().as_micros() as u64,
                "batch written"
            );
            match outcomes {
                Ok(outcomes) => {
                    for (reply, outcome) in replies.into_iter().zip(outcomes) {
                        // A client that went away still has its ballot cast.
                        let _ = reply.send(Ok(outcome));
                    }
                }
                Err(error) => {
                    let busy = error.is_busy();
                    if busy {
                        tracing::warn!(%error, casts = casts.len(), "a batch of casts found the database busy");
                    } else {
                        tracing::error!(%error, casts = casts.len(), "a batch of casts failed");
                    }
                    for reply in replies {
                        let _ = reply.send(Err(Failed { busy }));
                    }
                }
            }
        }
    }
}
