//! Black-box tests of the `pebble` server: each starts the real application
//! on port 0 with a fresh database, on SQLite and on PostgreSQL.

mod helpers;

mod accounts;
mod bad_input;
mod ballot_api;
mod ballot_log;
mod busy;
mod casting;
mod codes;
mod committee_witness;
mod count;
mod cycles;
mod durability;
mod hardening;
mod health;
mod home;
mod images;
mod import;
mod insiders;
mod language;
mod manifests;
mod members;
mod paper;
mod phases;
mod proposals;
mod results;
mod roles;
mod seed;
mod sessions;
mod tally;
mod threads;
mod tiles;
mod voting;
mod witness;
mod witnessed;
