//! The integration tests, one binary (ripgrep's pattern): each module runs the real
//! `leaflet` (or `leaflet-serve`) on real inputs in a fresh folder and reads what it
//! wrote with real readers (poppler, zbarimg, lopdf).

mod accessibility;
mod audit;
mod batch;
mod build;
mod check;
mod common;
mod contact_page;
mod corpus;
mod fillable;
mod golden;
mod logos;
mod messages;
mod print;
mod refused;
mod rtl;
mod serve;
mod typeset_props;
