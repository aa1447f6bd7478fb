//! Insiders, each played as they would play against the real server on
//! both engines: the database administrator ([`dba`]), a script polling
//! every public route while votes are cast and counted ([`poller`]), a
//! committee member choosing their reveal last ([`reveal`]), and someone
//! holding a list of voter codes ([`code_list`]). The committee member of
//! another cycle is a column of the role table (`roles.rs`).

mod code_list;
mod dba;
mod poller;
mod reveal;
